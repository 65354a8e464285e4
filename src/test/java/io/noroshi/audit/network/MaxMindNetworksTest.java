package io.noroshi.audit.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaxMindNetworksTest {

    @TempDir
    Path dir;

    /** Writes a tiny IPv6 MaxMind DB with 24-bit records, the layout GeoLite2-ASN uses. */
    private static final class TestDatabase {
        private static final class Node {
            final Object[] records = new Object[2];
        }

        private final Node root = new Node();
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();

        TestDatabase add(String address, int length, long asn) throws Exception {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            byte[] v6 = new byte[16];
            System.arraycopy(bytes, 0, v6, 16 - bytes.length, bytes.length);
            int bits = bytes.length == 4 ? 96 + length : length;
            int offset = data.size();
            data.write(0xE2); // map of 2
            string("autonomous_system_number");
            data.write(0xC4); // uint32, 4 bytes
            for (int shift = 24; shift >= 0; shift -= 8) data.write((int) (asn >> shift) & 0xff);
            string("autonomous_system_organization");
            string("Test AS " + asn);
            Node node = root;
            for (int i = 0; i < bits - 1; i++) {
                int bit = (v6[i / 8] >> (7 - i % 8)) & 1;
                if (!(node.records[bit] instanceof Node)) node.records[bit] = new Node();
                node = (Node) node.records[bit];
            }
            node.records[(v6[(bits - 1) / 8] >> (7 - (bits - 1) % 8)) & 1] = offset;
            return this;
        }

        private void string(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            if (utf8.length < 29) {
                data.write(0x40 | utf8.length);
            } else {
                data.write(0x40 | 29); // sizes from 29 on take one more byte
                data.write(utf8.length - 29);
            }
            data.writeBytes(utf8);
        }

        Path write(Path file) throws Exception {
            List<Node> nodes = new ArrayList<>();
            var index = new IdentityHashMap<Node, Integer>();
            var queue = new ArrayDeque<Node>(List.of(root));
            while (!queue.isEmpty()) {
                Node node = queue.poll();
                index.put(node, nodes.size());
                nodes.add(node);
                for (Object record : node.records) if (record instanceof Node child) queue.add(child);
            }
            int count = nodes.size();
            var out = new ByteArrayOutputStream();
            for (Node node : nodes) {
                for (Object record : node.records) {
                    long value = switch (record) {
                        case Node child -> index.get(child);
                        case Integer offset -> count + 16L + offset;
                        case null, default -> count;
                    };
                    out.write((int) (value >> 16) & 0xff);
                    out.write((int) (value >> 8) & 0xff);
                    out.write((int) value & 0xff);
                }
            }
            out.write(new byte[16]);
            out.writeBytes(data.toByteArray());
            out.writeBytes(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
            out.writeBytes("MaxMind.com".getBytes(StandardCharsets.US_ASCII));
            var meta = new TestDatabase();
            meta.data.write(0xE3); // map of 3
            meta.string("node_count");
            meta.data.write(0xC4);
            for (int shift = 24; shift >= 0; shift -= 8) meta.data.write((count >> shift) & 0xff);
            meta.string("record_size");
            meta.data.writeBytes(new byte[] {(byte) 0xA1, 24}); // uint16, 1 byte
            meta.string("ip_version");
            meta.data.writeBytes(new byte[] {(byte) 0xA1, 6});
            out.writeBytes(meta.data.toByteArray());
            return Files.write(file, out.toByteArray());
        }
    }

    @Test
    void originsAndPrefixesComeFromTheTree() throws Exception {
        Path file = new TestDatabase().add("198.51.100.0", 24, 64496).add("2001:db8:2::", 48, 64497).write(dir.resolve("asn.mmdb"));

        NetworkMap map = NetworkMaps.open(Optional.of(file));

        assertThat(map).isInstanceOf(MaxMindNetworks.class);
        assertThat(map.networkOf(InetAddress.getByName("198.51.100.77"))).isEqualTo(new Network("198.51.100.0/24", Optional.of("AS64496")));
        assertThat(map.networkOf(InetAddress.getByName("2001:db8:2:9::1"))).isEqualTo(new Network("2001:db8:2::/48", Optional.of("AS64497")));
        assertThat(map.networkOf(InetAddress.getByName("203.0.113.1")).origin()).isEmpty();
    }

    @Test
    void aFileThatIsNotAMaxMindDatabaseIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.mmdb"), "not a database");

        assertThatThrownBy(() -> NetworkMaps.open(Optional.of(file))).isInstanceOf(AsnDatabaseException.class)
                .hasMessageContaining(file.toString());
    }
}
