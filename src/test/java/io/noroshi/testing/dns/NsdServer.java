package io.noroshi.testing.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.DClass;

/**
 * One nsd serving {@code zones} on {@code addresses} inside its own network namespace. Started in the
 * foreground ({@code -d}) so the harness owns the process and kills it by its handle.
 */
final class NsdServer implements AutoCloseable {

    private final String label;
    private final List<String> addresses;
    private final Process process;
    private final Path directory;

    /**
     * @param zones zone name (with trailing dot) to zone file text
     */
    NsdServer(String label, String namespace, List<String> addresses, Map<String, String> zones, Path directory) {
        this.label = label;
        this.addresses = List.copyOf(addresses);
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            var conf = new StringBuilder("server:\n");
            for (String address : addresses) conf.append("  ip-address: ").append(address).append('\n');
            conf.append("""
                      port: 53
                      username: ""
                      chroot: ""
                      zonesdir: "%1$s"
                      pidfile: "%1$s/nsd.pid"
                      zonelistfile: "%1$s/zone.list"
                      xfrdfile: "%1$s/xfrd.state"
                      xfrdir: "%1$s"
                      database: ""
                      logfile: "%1$s/nsd.log"
                      server-count: 1
                      verbosity: 1
                      rrl-ratelimit: 0
                    remote-control:
                      control-enable: no
                    """.formatted(directory));
            int i = 0;
            for (var zone : zones.entrySet()) {
                String file = "zone" + i++ + ".zone";
                Files.writeString(directory.resolve(file), zone.getValue(), StandardCharsets.UTF_8);
                Commands.run("nsd-checkzone", zone.getKey(), directory.resolve(file).toString());
                conf.append("zone:\n  name: \"").append(zone.getKey()).append("\"\n  zonefile: \"").append(file).append("\"\n");
            }
            Path confFile = directory.resolve("nsd.conf");
            Files.writeString(confFile, conf, StandardCharsets.UTF_8);
            Commands.run("nsd-checkconf", confFile.toString());
            process = new ProcessBuilder("ip", "netns", "exec", namespace, "nsd", "-c", confFile.toString(), "-d")
                    .redirectErrorStream(true).redirectOutput(directory.resolve("nsd.out").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start nsd " + label + ": " + e.getMessage(), e);
        }
        awaitAnswers(zones.keySet().iterator().next());
    }

    List<String> addresses() {
        return addresses;
    }

    private void awaitAnswers(String zone) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("nsd " + label + " exited: " + log());
            try {
                var resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getByName(addresses.getFirst()), 53));
                resolver.setTimeout(Duration.ofMillis(300));
                Message reply = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(zone), Type.SOA, DClass.IN)));
                if (reply.getRcode() == Rcode.NOERROR) return;
            } catch (IOException e) {
                // not listening yet
            }
        }
        throw new IllegalStateException("nsd " + label + " did not answer within 10 s: " + log());
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("nsd.out")) + Files.readString(directory.resolve("nsd.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        // nsd's children (xfrd, server) follow the parent's TERM; the namespace teardown kills any straggler
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
