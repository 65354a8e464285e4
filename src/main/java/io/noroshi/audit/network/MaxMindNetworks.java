package io.noroshi.audit.network;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A MaxMind DB (the format of GeoLite2-ASN and of the free ip-to-asn databases): a binary search tree over
 * address bits whose leaves point at maps holding {@code autonomous_system_number}. Read whole into memory;
 * only the parts of the format an ASN lookup needs are decoded.
 */
public final class MaxMindNetworks implements NetworkMap {

    private static final byte[] METADATA_MARKER = {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF,
            'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'};

    private final Path file;
    private final byte[] bytes;
    private final long nodeCount;
    private final int recordSize;
    private final int ipVersion;
    private final int dataStart;

    private MaxMindNetworks(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
        int marker = lastIndexOf(bytes, METADATA_MARKER);
        if (marker < 0) throw new AsnDatabaseException(file + ": not a MaxMind DB (no metadata marker)");
        var metadata = new MaxMindDecoder(bytes, marker + METADATA_MARKER.length, file);
        java.util.Map<?, ?> map = metadata.decode(marker + METADATA_MARKER.length) instanceof java.util.Map<?, ?> m ? m : java.util.Map.of();
        nodeCount = number(map.get("node_count"), "node_count");
        recordSize = (int) number(map.get("record_size"), "record_size");
        ipVersion = (int) number(map.get("ip_version"), "ip_version");
        if (recordSize != 24 && recordSize != 28 && recordSize != 32) {
            throw new AsnDatabaseException(file + ": unsupported record_size " + recordSize);
        }
        dataStart = Math.toIntExact(nodeCount * recordSize / 4 + 16);
    }

    public static MaxMindNetworks read(Path file) {
        try {
            return new MaxMindNetworks(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new AsnDatabaseException(file + ": cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof AsnDatabaseException) throw e;
            throw new AsnDatabaseException(file + ": not a valid MaxMind DB (" + e.getMessage() + ")");
        }
    }

    private long number(Object value, String key) {
        if (value instanceof Number n) return n.longValue();
        throw new AsnDatabaseException(file + ": metadata lacks " + key);
    }

    @Override
    public Network networkOf(InetAddress address) {
        try {
            return lookup(address);
        } catch (RuntimeException e) {
            if (e instanceof AsnDatabaseException) throw e;
            throw new AsnDatabaseException(file + ": corrupt MaxMind DB near the entry for " + address.getHostAddress() + " (" + e + ")");
        }
    }

    private Network lookup(InetAddress address) {
        byte[] bits = address.getAddress();
        if (bits.length == 16 && ipVersion == 4) return new FallbackNetworks().networkOf(address);
        long node = 0;
        int depth = 0;
        if (bits.length == 4 && ipVersion == 6) {
            // IPv4 lives under ::/96 in an IPv6 tree
            for (; depth < 96 && node < nodeCount; depth++) node = record(node, 0);
        }
        int offset = depth;
        for (int i = 0; i < bits.length * 8 && node < nodeCount; i++, depth++) {
            node = record(node, (bits[i / 8] >> (7 - i % 8)) & 1);
        }
        if (node <= nodeCount) return new FallbackNetworks().networkOf(address);
        int length = depth - offset;
        int pointer = Math.toIntExact(node - nodeCount - 16 + dataStart);
        Object data = new MaxMindDecoder(bytes, dataStart, file).decode(pointer);
        Optional<String> origin = data instanceof java.util.Map<?, ?> m && m.get("autonomous_system_number") instanceof Number n
                ? Optional.of("AS" + n.longValue()) : Optional.empty();
        return new Network(Prefixes.format(Prefixes.mask(bits, length), length), origin);
    }

    private long record(long node, int bit) {
        int base = Math.toIntExact(node * recordSize / 4);
        return switch (recordSize) {
            case 24 -> read(base + bit * 3, 3);
            case 28 -> bit == 0
                    ? ((long) (bytes[base + 3] & 0xF0) << 20) | read(base, 3)
                    : ((long) (bytes[base + 3] & 0x0F) << 24) | read(base + 4, 3);
            default -> read(base + bit * 4, 4);
        };
    }

    private long read(int at, int size) {
        long value = 0;
        for (int i = 0; i < size; i++) value = (value << 8) | (bytes[at + i] & 0xff);
        return value;
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Override
    public boolean knowsOrigins() {
        return true;
    }

    @Override
    public String source() {
        return "MaxMind DB " + file + " (IPv" + ipVersion + ", " + nodeCount + " nodes)";
    }

    static String utf8(byte[] bytes, int at, int size) {
        return new String(bytes, at, size, StandardCharsets.UTF_8);
    }
}
