package io.noroshi.drill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drill's network: a switch namespace holding a bridge, and one namespace per site (and the
 * customer), each linked to the bridge by a veth pair, addressed in 10.213.0.0/24. Nothing is
 * added to the host's own namespace and no namespace has a route out, so every packet stays
 * between the namespaces the drill made. Every name starts with {@link #PREFIX}, so the leftovers
 * of a killed run are found by {@link #removeLeftovers}.
 */
final class DrillNetwork implements AutoCloseable {

    static final String PREFIX = "nrdrill-";
    static final String SWITCH = PREFIX + "sw";

    /** Site name to its address; the order in which they are built. */
    static final Map<String, String> ADDRESSES = new LinkedHashMap<>();

    static {
        ADDRESSES.put("a", "10.213.0.1");
        ADDRESSES.put("b", "10.213.0.2");
        ADDRESSES.put("c", "10.213.0.3");
        ADDRESSES.put("cust", "10.213.0.4");
    }

    private final List<String> made = new ArrayList<>();

    /** Refuses when namespaces are not permitted here (not root, no iproute2 with netns). */
    static void requirePermitted() {
        Shell.Result id = Shell.run("id", "-u");
        if (!id.ok() || !id.output().strip().equals("0")) {
            throw new DrillException("network namespaces are not permitted: noroshi drill must run as root (uid 0)");
        }
        Shell.Result list = Shell.run("ip", "netns", "list");
        if (!list.ok()) {
            throw new DrillException("network namespaces are not permitted here: `ip netns list` failed: " + list.output().strip());
        }
    }

    static String namespace(String site) {
        return PREFIX + site;
    }

    static String address(String site) {
        return ADDRESSES.get(site);
    }

    /** Builds the switch and every site, all links up. */
    void build() {
        add(SWITCH);
        Shell.must("ip", "-n", SWITCH, "link", "add", "br0", "type", "bridge");
        Shell.must("ip", "-n", SWITCH, "link", "set", "br0", "up");
        Shell.must("ip", "-n", SWITCH, "link", "set", "lo", "up");
        for (var site : ADDRESSES.entrySet()) {
            String ns = namespace(site.getKey());
            add(ns);
            String port = port(site.getKey());
            Shell.must("ip", "-n", SWITCH, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
            Shell.must("ip", "-n", SWITCH, "link", "set", port, "master", "br0", "up");
            Shell.must("ip", "-n", ns, "link", "set", "lo", "up");
            Shell.must("ip", "-n", ns, "addr", "add", site.getValue() + "/24", "dev", "eth0");
            Shell.must("ip", "-n", ns, "link", "set", "eth0", "up");
        }
    }

    private static String port(String site) {
        return "p-" + site;
    }

    private void add(String ns) {
        Shell.must("ip", "netns", "add", ns);
        made.add(ns);
    }

    /** Cuts {@code site} off: its port on the switch goes down. */
    void cut(String site) {
        Shell.must("ip", "-n", SWITCH, "link", "set", port(site), "down");
    }

    /** Brings {@code site}'s port on the switch up again. */
    void restore(String site) {
        Shell.must("ip", "-n", SWITCH, "link", "set", port(site), "up");
    }

    @Override
    public void close() {
        for (String ns : made.reversed()) delete(ns);
        made.clear();
    }

    /** Kills whatever still runs in {@code ns} (only the drill's children run there) and deletes it. */
    static void delete(String ns) {
        Shell.Result pids = Shell.run("ip", "netns", "pids", ns);
        if (pids.ok()) {
            for (String pid : pids.output().split("\\s+")) {
                if (pid.isBlank()) continue;
                ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        Shell.run("ip", "netns", "del", ns);
    }

    /** The namespaces named with {@link #PREFIX} that exist now. */
    static List<String> existing() {
        Shell.Result list = Shell.run("ip", "netns", "list");
        var found = new ArrayList<String>();
        if (!list.ok()) return found;
        for (String line : list.output().split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (name.startsWith(PREFIX)) found.add(name);
        }
        return found;
    }

    /** Removes every namespace with the drill's prefix and what runs in it; returns their names. */
    static List<String> removeLeftovers() {
        List<String> found = existing();
        // the sites first, the switch last
        found.sort((x, y) -> Boolean.compare(x.equals(SWITCH), y.equals(SWITCH)));
        for (String ns : found) delete(ns);
        return found;
    }
}
