package io.noroshi.audit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.audit.AuditRule;
import io.noroshi.audit.Finding;
import io.noroshi.audit.network.Pfx2AsNetworks;
import io.noroshi.probe.dns.ResolverFactory;
import io.noroshi.testing.dns.PrivateDnsTree;
import io.noroshi.testing.dns.PrivateDnsTreeExtension;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xbill.DNS.SimpleResolver;

@ExtendWith(PrivateDnsTreeExtension.class)
class ScheduledDnsAuditTest {

    // inside the test network's own prefix, where nothing listens: a "cut" server goes silent
    private static final InetSocketAddress NOWHERE = new InetSocketAddress("198.51.100.99", 53);

    private final PrivateDnsTree tree;
    private final AtomicReference<InetAddress> cut = new AtomicReference<>();

    ScheduledDnsAuditTest(PrivateDnsTree tree) {
        this.tree = tree;
    }

    private DnsAudit audit() {
        ResolverFactory resolvers = server -> new SimpleResolver(server.getAddress().equals(cut.get()) ? NOWHERE : server);
        return new DnsAudit(new DnsStart.FromRoots(RootHints.read(tree.rootHints())), resolvers, Pfx2AsNetworks.read(tree.pfx2as()),
                InstantSource.fixed(Instant.parse("2026-01-02T03:04:05Z")), Duration.ofMillis(500));
    }

    @Test
    void onlyFindingsThatWereNotThereLastTimeAreReported() {
        var heard = new CopyOnWriteArrayList<Finding>();
        try (var scheduled = new ScheduledDnsAudit(audit(), "diverse.test", Duration.ofMinutes(5), new ScheduledThreadPoolExecutor(1), heard::add)) {
            List<Finding> first = scheduled.runOnce();
            assertThat(first).isEqualTo(scheduled.latest().orElseThrow().findings());
            assertThat(scheduled.runOnce()).isEmpty();

            cut.set(tree.server("diverse3").getAddress());
            List<Finding> afterCut = scheduled.runOnce();

            assertThat(afterCut).extracting(Finding::rule)
                    .contains(AuditRule.DNS_NS_UNREACHABLE_UDP, AuditRule.DNS_NS_UNREACHABLE_TCP);
            assertThat(afterCut).allSatisfy(f -> assertThat(first).doesNotContain(f));
            assertThat(heard).hasSize(first.size() + afterCut.size());
        }
    }

    @Test
    void theScheduleRunsOnTheInjectedExecutor() throws Exception {
        var executor = new ScheduledThreadPoolExecutor(1);
        var heard = new LinkedBlockingQueue<Finding>();
        try (var scheduled = new ScheduledDnsAudit(audit(), "samenet.test", Duration.ofHours(1), executor, heard::add)) {
            scheduled.start();
            Finding first = heard.poll(30, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
        } finally {
            executor.shutdownNow();
        }
    }
}
