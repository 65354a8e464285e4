package io.noroshi.audit.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.audit.AuditEvent;
import io.noroshi.audit.AuditEvents;
import io.noroshi.audit.AuditInputException;
import io.noroshi.audit.AuditRule;
import io.noroshi.audit.AuditRun;
import io.noroshi.audit.Finding;
import io.noroshi.audit.TrackedFinding;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseSettings;
import java.nio.file.Path;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xbill.DNS.SimpleResolver;

@ExtendWith(PrivateDnsTreeExtension.class)
class ScheduledDnsAuditTest {

    // inside the test network's own prefix, where nothing listens: a "cut" server goes silent
    private static final InetSocketAddress NOWHERE = new InetSocketAddress("198.51.100.99", 53);

    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-02T03:04:05Z"));

    private final PrivateDnsTree tree;
    private final java.util.Set<InetAddress> cut = new java.util.concurrent.CopyOnWriteArraySet<>();
    private Database database;

    ScheduledDnsAuditTest(PrivateDnsTree tree) {
        this.tree = tree;
    }

    @BeforeEach
    void openDatabase(@TempDir Path data) {
        database = Database.open(DatabaseSettings.Sqlite.inDataDir(data));
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) database.close();
    }

    private DnsAudit audit() {
        ResolverFactory resolvers = server -> new SimpleResolver(cut.contains(server.getAddress()) ? NOWHERE : server);
        return new DnsAudit(new DnsStart.FromRoots(RootHints.read(tree.rootHints())), resolvers, Pfx2AsNetworks.read(tree.pfx2as()),
                CLOCK, Duration.ofMillis(500));
    }

    private ScheduledDnsAudit scheduled(String domain, Duration interval, ScheduledThreadPoolExecutor executor, AuditEvents.Listener listener) {
        var events = new AuditEvents();
        events.subscribe(listener);
        return new ScheduledDnsAudit(audit(), domain, interval, executor, database.auditFindings(), events, CLOCK);
    }

    private static Finding finding(AuditEvent event) {
        return ((AuditEvent.NewFinding) event).finding().finding();
    }

    @Test
    void onlyFindingsThatWereNotOpenLastTimeAreRaised() {
        var heard = new CopyOnWriteArrayList<AuditEvent>();
        try (var scheduled = scheduled("diverse.test", Duration.ofMinutes(5), new ScheduledThreadPoolExecutor(1), heard::add)) {
            List<Finding> first = findings(scheduled.runOnce());
            assertThat(first).isEqualTo(scheduled.latest().orElseThrow().findings());
            assertThat(scheduled.runOnce()).isEmpty();

            cut.add(tree.server("diverse3").getAddress());
            List<Finding> afterCut = findings(scheduled.runOnce());

            assertThat(afterCut).extracting(Finding::rule)
                    .contains(AuditRule.DNS_NS_UNREACHABLE_UDP, AuditRule.DNS_NS_UNREACHABLE_TCP);
            assertThat(afterCut).allSatisfy(f -> assertThat(first).doesNotContain(f));
            assertThat(heard).extracting(ScheduledDnsAuditTest::finding).containsExactlyElementsOf(concat(first, afterCut));

            cut.clear();
            assertThat(scheduled.runOnce()).isEmpty();
            assertThat(database.auditFindings().findings("diverse.test")).filteredOn(f -> afterCut.contains(f.finding()))
                    .hasSameSizeAs(afterCut).allSatisfy(f -> assertThat(f.resolvedAt()).contains(CLOCK.instant()));
        }
    }

    @Test
    void aNewAuditOnTheSameStoreRaisesNothingOld() {
        var heard = new CopyOnWriteArrayList<AuditEvent>();
        try (var before = scheduled("samenet.test", Duration.ofMinutes(5), new ScheduledThreadPoolExecutor(1), e -> { })) {
            assertThat(before.runOnce()).isNotEmpty();
        }
        try (var afterRestart = scheduled("samenet.test", Duration.ofMinutes(5), new ScheduledThreadPoolExecutor(1), heard::add)) {
            assertThat(afterRestart.runOnce()).isEmpty();
        }
        assertThat(heard).isEmpty();
    }

    @Test
    void aFailedRunIsRecordedAndChangesNoFinding() {
        try (var scheduled = scheduled("samenet.test", Duration.ofMinutes(5), new ScheduledThreadPoolExecutor(1), e -> { })) {
            int open = scheduled.runOnce().size();
            var broken = new ScheduledDnsAudit(audit(), "-not a domain-", Duration.ofMinutes(5), new ScheduledThreadPoolExecutor(1),
                    database.auditFindings(), new AuditEvents(), CLOCK);

            assertThatThrownBy(broken::runOnce).isInstanceOf(AuditInputException.class);

            AuditRun run = database.auditFindings().lastRun("-not a domain-").orElseThrow();
            assertThat(run.error()).hasValueSatisfying(e -> assertThat(e).contains("is not a domain name"));
            assertThat(run.lastSuccess()).isEmpty();
            assertThat(database.auditFindings().findings("samenet.test")).hasSize(open).allSatisfy(f -> assertThat(f.open()).isTrue());
        }
    }

    @Test
    void aRunWhileNoRootServerAnswersIsAFailureAndResolvesNothing() throws Exception {
        var heard = new CopyOnWriteArrayList<AuditEvent>();
        try (var scheduled = scheduled("samenet.test", Duration.ofMinutes(5), new ScheduledThreadPoolExecutor(1), heard::add)) {
            int open = scheduled.runOnce().size();
            for (var root : RootHints.read(tree.rootHints())) cut.add(root.getAddress());

            assertThatThrownBy(scheduled::runOnce).isInstanceOf(StartUnreachable.class);

            assertThat(database.auditFindings().lastRun("samenet.test").orElseThrow().error())
                    .hasValueSatisfying(e -> assertThat(e).contains("network may be down"));
            assertThat(database.auditFindings().findings("samenet.test")).hasSize(open).allSatisfy(f -> assertThat(f.open()).isTrue());
            cut.clear();
            assertThat(scheduled.runOnce()).isEmpty();
            assertThat(heard).hasSize(open);
        }
    }

    private static List<Finding> findings(List<TrackedFinding> tracked) {
        return tracked.stream().map(TrackedFinding::finding).toList();
    }

    private static List<Finding> concat(List<Finding> a, List<Finding> b) {
        var all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void theScheduleRunsOnTheInjectedExecutor() throws Exception {
        var executor = new ScheduledThreadPoolExecutor(1);
        var heard = new LinkedBlockingQueue<AuditEvent>();
        try (var scheduled = scheduled("lagging.test", Duration.ofHours(1), executor, heard::add)) {
            scheduled.start();
            AuditEvent first = heard.poll(30, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
        } finally {
            executor.shutdownNow();
        }
    }
}
