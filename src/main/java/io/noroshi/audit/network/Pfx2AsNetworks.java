package io.noroshi.audit.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A RouteViews prefix-to-AS file: one {@code network<TAB>length<TAB>origin} per line, origin either one ASN,
 * a multi-origin {@code 64496_64497} or an AS set {@code 64496,64497}. Lookups take the longest match.
 */
public final class Pfx2AsNetworks implements NetworkMap {

    private static final Pattern ORIGIN = Pattern.compile("\\d+([_,]\\d+)*");

    private final Map<String, String> origins = new HashMap<>();
    private final String file;

    private Pfx2AsNetworks(String file) {
        this.file = file;
    }

    /** Reads the whole file; {@link AsnDatabaseException} names the file and line of the first bad line. */
    public static Pfx2AsNetworks read(Path path) {
        var map = new Pfx2AsNetworks(path.toString());
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) continue;
                map.add(path, number, text);
            }
        } catch (IOException e) {
            throw new AsnDatabaseException(path + ": cannot read: " + e.getMessage());
        }
        return map;
    }

    private void add(Path path, int number, String text) {
        String[] fields = text.split("\\s+");
        String where = path + ":" + number + ": ";
        if (fields.length != 3) {
            throw new AsnDatabaseException(where + "expected 'network<TAB>length<TAB>asn', got '" + text + "'");
        }
        byte[] network;
        try {
            if (!fields[0].matches("[0-9a-fA-F:.]+")) throw new UnknownHostException();
            network = InetAddress.getByName(fields[0]).getAddress();
        } catch (UnknownHostException e) {
            throw new AsnDatabaseException(where + "'" + fields[0] + "' is not an IP address");
        }
        int length;
        try {
            length = Integer.parseInt(fields[1]);
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0 || length > network.length * 8) {
            throw new AsnDatabaseException(where + "'" + fields[1] + "' is not a prefix length for " + fields[0]);
        }
        if (!ORIGIN.matcher(fields[2]).matches()) {
            throw new AsnDatabaseException(where + "'" + fields[2] + "' is not an AS number");
        }
        origins.put(Prefixes.key(Prefixes.mask(network, length), length), fields[2]);
    }

    @Override
    public Network networkOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (int length = bytes.length * 8; length >= 0; length--) {
            byte[] masked = Prefixes.mask(bytes, length);
            String origin = origins.get(Prefixes.key(masked, length));
            if (origin != null) return new Network(Prefixes.format(masked, length), Optional.of("AS" + origin));
        }
        // not announced according to the file: group it like the fallback, origin unknown
        return new FallbackNetworks().networkOf(address);
    }

    @Override
    public boolean knowsOrigins() {
        return true;
    }

    @Override
    public String source() {
        return "pfx2as file " + file + " (" + origins.size() + " prefixes)";
    }
}
