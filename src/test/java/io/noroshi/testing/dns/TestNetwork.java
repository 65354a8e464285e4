package io.noroshi.testing.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bridge in the host namespace and one network namespace per server, linked by veth pairs, on
 * documentation prefixes only. The host side holds one address per prefix so the test JVM reaches the
 * servers; nothing is routed anywhere else. Names carry the JVM's pid so parallel runs do not collide and
 * leftovers of a crashed run can be recognised and removed.
 */
final class TestNetwork implements AutoCloseable {

    /** Prefixes the harness may place on the host; each is checked against the host's routes first. */
    record HostPrefix(String hostAddress, int length) {
        String cidr() {
            return hostAddress + "/" + length;
        }
    }

    private static final Pattern HOST_LINK = Pattern.compile("^\\d+: (nr(\\d+)(?:br|v\\d+))[:@]", Pattern.MULTILINE);
    private static final Pattern NAMESPACE = Pattern.compile("^(nrs-(\\d+)-\\d+)", Pattern.MULTILINE);

    private final long pid = ProcessHandle.current().pid();
    private final String bridge = "nr" + pid + "br";
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> hostEnds = new ArrayList<>();
    private boolean bridgeCreated;

    TestNetwork(List<HostPrefix> hostPrefixes) {
        Commands.requireTools();
        removeLeftoversOfDeadRuns();
        for (HostPrefix prefix : hostPrefixes) refuseOverlap(prefix);
        try {
            Commands.run("ip", "link", "add", bridge, "type", "bridge");
            bridgeCreated = true;
            Commands.run("ip", "link", "set", bridge, "up");
            for (HostPrefix prefix : hostPrefixes) addAddress(null, bridge, prefix.cidr());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Creates a namespace holding {@code cidrs} on its eth0, bridged to the host; returns its name. */
    String addNamespace(List<String> cidrs) {
        String name = "nrs-" + pid + "-" + namespaces.size();
        String hostEnd = "nr" + pid + "v" + namespaces.size();
        Commands.run("ip", "netns", "add", name);
        namespaces.add(name);
        Commands.run("ip", "link", "add", hostEnd, "type", "veth", "peer", "name", "eth0", "netns", name);
        hostEnds.add(hostEnd);
        Commands.run("ip", "link", "set", hostEnd, "master", bridge, "up");
        Commands.run("ip", "-n", name, "link", "set", "lo", "up");
        Commands.run("ip", "-n", name, "link", "set", "eth0", "up");
        for (String cidr : cidrs) addAddress(name, "eth0", cidr);
        return name;
    }

    private static void addAddress(String namespace, String device, String cidr) {
        var command = new ArrayList<String>(List.of("ip"));
        if (namespace != null) command.addAll(List.of("-n", namespace));
        command.addAll(List.of("addr", "add", cidr, "dev", device));
        // duplicate address detection would hold IPv6 addresses unusable for a second or two
        if (cidr.contains(":")) command.add("nodad");
        Commands.run(command.toArray(String[]::new));
    }

    @Override
    public void close() {
        for (String namespace : namespaces.reversed()) deleteNamespace(namespace);
        namespaces.clear();
        // the kernel frees a deleted namespace (and the veth end in it) lazily; the host end would linger
        for (String hostEnd : hostEnds) Commands.quietly("ip", "link", "del", hostEnd);
        hostEnds.clear();
        if (bridgeCreated) Commands.quietly("ip", "link", "del", bridge);
        bridgeCreated = false;
    }

    /** Kills what still runs inside a namespace (only processes in it, which this harness started) and deletes it. */
    static void deleteNamespace(String namespace) {
        try {
            for (String line : Commands.run("ip", "netns", "pids", namespace).split("\\s+")) {
                if (!line.isBlank()) ProcessHandle.of(Long.parseLong(line.strip())).ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (RuntimeException ignored) {
            // already gone
        }
        Commands.quietly("ip", "netns", "del", namespace);
    }

    private static void removeLeftoversOfDeadRuns() {
        Matcher ns = NAMESPACE.matcher(Commands.run("ip", "netns", "list"));
        while (ns.find()) {
            if (!alive(ns.group(2))) deleteNamespace(ns.group(1));
        }
        Matcher br = HOST_LINK.matcher(Commands.run("ip", "-o", "link", "show"));
        while (br.find()) {
            if (!alive(br.group(2))) Commands.quietly("ip", "link", "del", br.group(1));
        }
    }

    private static boolean alive(String pid) {
        return Files.exists(Path.of("/proc", pid));
    }

    /** Refuses to shadow a route the host already has: test traffic must never leave for a real network. */
    private static void refuseOverlap(HostPrefix prefix) {
        String family = prefix.hostAddress().contains(":") ? "-6" : "-4";
        for (String line : Commands.run("ip", family, "-o", "route", "show").split("\n")) {
            String destination = line.strip().split("\\s+")[0];
            if (destination.isEmpty() || destination.equals("default")) continue;
            if (overlaps(destination, prefix.cidr())) {
                throw new IllegalStateException("the host already routes " + destination + " (" + line.strip() + "); the DNS test"
                        + " harness will not put " + prefix.cidr() + " beside it. Free that prefix or stop the other test run.");
            }
        }
    }

    static boolean overlaps(String a, String b) {
        byte[] x = address(a);
        byte[] y = address(b);
        if (x.length != y.length) return false;
        int bits = Math.min(length(a, x), length(b, y));
        for (int i = 0; i < bits; i++) {
            int bx = (x[i / 8] >> (7 - i % 8)) & 1;
            int by = (y[i / 8] >> (7 - i % 8)) & 1;
            if (bx != by) return false;
        }
        return true;
    }

    private static byte[] address(String cidr) {
        try {
            return InetAddress.getByName(cidr.split("/")[0]).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    private static int length(String cidr, byte[] address) {
        return cidr.contains("/") ? Integer.parseInt(cidr.split("/")[1]) : address.length * 8;
    }
}
