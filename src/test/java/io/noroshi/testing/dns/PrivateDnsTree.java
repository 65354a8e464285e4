package io.noroshi.testing.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A private DNS tree on documentation addresses: a root ({@code .}), a TLD ({@code test.}) and one zone per
 * scenario the audit must recognise, each served by real nsd instances in their own network namespaces.
 *
 * <ul>
 *   <li>{@code samenet.test}: two nameservers in one /25 and one AS, web beside them, no MX</li>
 *   <li>{@code diverse.test}: three nameservers in three prefixes and ASes (two with IPv6), two MX in two ASes</li>
 *   <li>{@code lagging.test}: the second nameserver serves an older SOA serial; a single MX</li>
 *   <li>{@code lame.test}: the second nameserver does not serve the zone (answers REFUSED)</li>
 *   <li>{@code noglue.test}: in-bailiwick nameservers delegated without glue</li>
 *   <li>{@code outside.test}: out-of-bailiwick nameservers; the zone lists one more NS than its parent</li>
 *   <li>{@code fixable.test}: like {@code lagging.test} at first; {@link #serveFixable} changes what its second server
 *       serves, for tests of findings that come and go</li>
 * </ul>
 * Prefixes 198.51.100.0/25 and 2001:db8:1::/48 map to AS64496, 198.51.100.128/25 and 2001:db8:2::/48 to
 * AS64497, 203.0.113.0/24 and 2001:db8:3::/48 to AS64498 in {@link #pfx2as()}. An unbound at 203.0.113.53
 * resolves recursively from the private root.
 */
public final class PrivateDnsTree implements AutoCloseable {

    public static final long LAGGING_NEW_SERIAL = 2024010102L;
    public static final long LAGGING_OLD_SERIAL = 2024010101L;
    public static final long FIXABLE_NEW_SERIAL = 2025010102L;
    public static final long FIXABLE_OLD_SERIAL = 2025010101L;

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final TestNetwork network;
    private final List<NsdServer> servers = new ArrayList<>();
    private final Map<String, NsdServer> byLabel = new LinkedHashMap<>();
    private final Map<String, String> namespaces = new LinkedHashMap<>();
    private UnboundResolver recursive;

    private PrivateDnsTree() throws IOException {
        // another JVM running these tests would need the same host prefixes: take turns
        lockChannel = FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"), "noroshi-dns-harness.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.lock();
        try {
            directory = Files.createTempDirectory("nrs-dns-");
            network = newNetwork();
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    private static TestNetwork newNetwork() {
        return new TestNetwork(List.of(
                new TestNetwork.HostPrefix("198.51.100.126", 25), new TestNetwork.HostPrefix("198.51.100.254", 25),
                new TestNetwork.HostPrefix("203.0.113.254", 24), new TestNetwork.HostPrefix("2001:db8:1::fffe", 64),
                new TestNetwork.HostPrefix("2001:db8:2::fffe", 64), new TestNetwork.HostPrefix("2001:db8:3::fffe", 64)));
    }

    /** Builds the network, starts every server and waits until each answers. Close it to tear everything down. */
    public static PrivateDnsTree start() {
        PrivateDnsTree tree = null;
        try {
            tree = new PrivateDnsTree();
            tree.startServers();
            tree.writeFiles();
            tree.recursive = new UnboundResolver(tree.network.addNamespace(List.of("203.0.113.53/24")), "203.0.113.53",
                    tree.rootHints(), tree.directory.resolve("unbound"));
            return tree;
        } catch (IOException e) {
            if (tree != null) tree.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            if (tree != null) tree.close();
            throw e;
        }
    }

    private void startServers() {
        serve("root", List.of("203.0.113.1/24", "2001:db8:3::1/64"), Map.of(".", TestZones.root()));
        serve("tld", List.of("203.0.113.2/24"), Map.of("test.", TestZones.tld()));
        serve("samenet1", List.of("198.51.100.11/25"), Map.of("samenet.test.", TestZones.samenet()));
        serve("samenet2", List.of("198.51.100.12/25"), Map.of("samenet.test.", TestZones.samenet()));
        var diverse = new LinkedHashMap<String, String>();
        diverse.put("diverse.test.", TestZones.diverse());
        diverse.put("outside.test.", TestZones.outside());
        serve("diverse1", List.of("198.51.100.21/25", "2001:db8:1::21/64"), diverse);
        serve("diverse2", List.of("198.51.100.141/25", "2001:db8:2::21/64"), diverse);
        serve("diverse3", List.of("203.0.113.21/24"), diverse);
        serve("lagging1", List.of("198.51.100.31/25"), Map.of("lagging.test.", TestZones.lagging(LAGGING_NEW_SERIAL)));
        serve("lagging2", List.of("203.0.113.31/24"), Map.of("lagging.test.", TestZones.lagging(LAGGING_OLD_SERIAL)));
        serve("lame1", List.of("198.51.100.41/25"), Map.of("lame.test.", TestZones.lame()));
        serve("fixable1", List.of("198.51.100.51/25"), Map.of("fixable.test.", TestZones.fixable(FIXABLE_NEW_SERIAL)));
        serve("fixable2", List.of("203.0.113.51/24"), Map.of("fixable.test.", TestZones.fixable(FIXABLE_OLD_SERIAL)));
    }

    /**
     * Restarts the second server of {@code fixable.test} serving the zone with {@code serial}: with
     * {@link #FIXABLE_OLD_SERIAL} it lags behind the first, with {@link #FIXABLE_NEW_SERIAL} the zone is fixed.
     */
    public synchronized void serveFixable(long serial) {
        NsdServer old = byLabel.get("fixable2");
        old.close();
        servers.remove(old);
        var server = new NsdServer("fixable2", namespaces.get("fixable2"), old.addresses(), Map.of("fixable.test.", TestZones.fixable(serial)),
                directory.resolve("fixable2-" + System.nanoTime()));
        servers.add(server);
        byLabel.put("fixable2", server);
    }

    private void serve(String label, List<String> cidrs, Map<String, String> zones) {
        String namespace = network.addNamespace(cidrs);
        List<String> addresses = cidrs.stream().map(c -> c.split("/")[0]).toList();
        var server = new NsdServer(label, namespace, addresses, zones, directory.resolve(label));
        namespaces.put(label, namespace);
        servers.add(server);
        byLabel.put(label, server);
    }

    private void writeFiles() throws IOException {
        Files.writeString(rootHints(), """
                .            3600000  NS    a.root.test.
                a.root.test. 3600000  A     203.0.113.1
                a.root.test. 3600000  AAAA  2001:db8:3::1
                """);
        Files.writeString(pfx2as(), """
                198.51.100.0\t25\t64496
                198.51.100.128\t25\t64497
                203.0.113.0\t24\t64498
                2001:db8:1::\t48\t64496
                2001:db8:2::\t48\t64497
                2001:db8:3::\t48\t64498
                """);
    }

    /** Root hints in zone-file format naming the private root server. */
    public Path rootHints() {
        return directory.resolve("root.hints");
    }

    /** A RouteViews pfx2as file mapping the tree's prefixes to private ASNs. */
    public Path pfx2as() {
        return directory.resolve("pfx2as.txt");
    }

    /** A recursive resolver (unbound) that knows only the private root. */
    public InetSocketAddress recursiveResolver() {
        return recursive.address();
    }

    /** A scratch directory removed with the tree. */
    public Path directory() {
        return directory;
    }

    /** The first address of a server by its label ({@code lagging1}, {@code diverse2}, ...), port 53. */
    public InetSocketAddress server(String label) {
        NsdServer server = byLabel.get(label);
        if (server == null) throw new IllegalArgumentException("no server " + label + "; have " + byLabel.keySet());
        try {
            return new InetSocketAddress(InetAddress.getByName(server.addresses().getFirst()), 53);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (recursive != null) recursive.close();
        for (NsdServer server : servers.reversed()) server.close();
        servers.clear();
        network.close();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
        deleteRecursively(directory);
    }

    private static void deleteRecursively(Path path) {
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
