package io.noroshi.testing.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A recursive resolver (unbound) inside its own namespace whose only root is the private tree's, so the audit's
 * {@code --resolver} mode is tested against the same zones as the root-hints mode.
 */
final class UnboundResolver implements AutoCloseable {

    private final Process process;
    private final Path directory;
    private final String address;

    UnboundResolver(String namespace, String address, Path rootHints, Path directory) {
        this.address = address;
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            Path conf = directory.resolve("unbound.conf");
            Files.writeString(conf, """
                    server:
                      interface: %2$s
                      port: 53
                      username: ""
                      chroot: ""
                      directory: "%1$s"
                      pidfile: "%1$s/unbound.pid"
                      do-daemonize: no
                      use-syslog: no
                      logfile: "%1$s/unbound.log"
                      root-hints: "%3$s"
                      num-threads: 1
                      access-control: 0.0.0.0/0 allow
                      access-control: ::/0 allow
                      module-config: "iterator"
                      do-not-query-localhost: no
                      qname-minimisation: no
                      harden-referral-path: no
                      # test. is special-use (RFC 6761): unbound answers it locally unless told not to
                      local-zone: "test." nodefault
                    remote-control:
                      control-enable: no
                    """.formatted(directory, address, rootHints));
            Commands.run("unbound-checkconf", conf.toString());
            process = new ProcessBuilder("ip", "netns", "exec", namespace, "unbound", "-d", "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("unbound.out").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start unbound (Debian: apt-get install -y unbound): " + e.getMessage(), e);
        }
        awaitAnswers();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(address, 53);
    }

    private void awaitAnswers() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("unbound exited: " + log());
            try {
                var resolver = new SimpleResolver(address());
                resolver.setTimeout(Duration.ofMillis(500));
                Message reply = resolver.send(Message.newQuery(Record.newRecord(Name.fromString("test."), Type.SOA, DClass.IN)));
                if (reply.getRcode() == Rcode.NOERROR) return;
            } catch (IOException e) {
                // not listening yet
            }
        }
        throw new IllegalStateException("unbound did not resolve test. within 10 s: " + log());
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("unbound.out")) + Files.readString(directory.resolve("unbound.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
