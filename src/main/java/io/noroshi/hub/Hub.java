package io.noroshi.hub;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.noroshi.admin.AdminGraph;
import io.noroshi.audit.AuditEvents;
import io.noroshi.audit.FindingLog;
import io.noroshi.audit.dns.LiveAudits;
import io.noroshi.config.ConfigLoader;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.demo.DemoHistory;
import io.noroshi.mirror.MirrorExports;
import io.noroshi.mirror.Mirrors;
import io.noroshi.monitor.Monitoring;
import io.noroshi.probe.Checkers;
import io.noroshi.probe.heartbeat.HeartbeatLedger;
import io.noroshi.probe.http.HttpChecker;
import io.noroshi.statuspage.PageDataSource;
import io.noroshi.statuspage.SiteRenderer;
import io.noroshi.statuspage.SnapshotPublisher;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseOutage;
import io.noroshi.storage.HubFileLock;
import io.noroshi.storage.DatabaseSettings;
import io.noroshi.web.HubServer;
import io.noroshi.web.MetricsListener;
import io.noroshi.web.Routes;
import io.noroshi.web.SnapshotHolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running hub: builds the object graph with {@code new}, in one place, and owns its lifecycle.
 * Tests build the same graph through {@link #start(HubOptions, Clock)} with their own clock.
 */
public final class Hub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Hub.class);
    /** How often the site is re-rendered without a change, so "last updated" and today's uptime stay fresh. */
    static final long IDLE_REFRESH_SECONDS = 60;

    private final Database database;
    private final SnapshotPublisher publisher;
    private final HubServer server;
    private final ScheduledExecutorService timer;
    private final Monitoring monitoring;
    private final AdminGraph admin;
    private final io.noroshi.comms.Communication communication;
    private final LiveAudits audits;
    private final HubFileLock fileLock; // null on PostgreSQL
    private final MetricsListener metricsListener; // null unless monitoring.metrics_bind is set
    private io.noroshi.notify.Notifications notifications;
    private final Mirrors mirrors;

    private Hub(Database database, SnapshotPublisher publisher, HubServer server, ScheduledExecutorService timer, Monitoring monitoring,
                AdminGraph admin, io.noroshi.comms.Communication communication, LiveAudits audits, HubFileLock fileLock,
                MetricsListener metricsListener, Mirrors mirrors) {
        this.communication = communication;
        this.mirrors = mirrors;
        this.fileLock = fileLock;
        this.metricsListener = metricsListener;
        this.admin = admin;
        this.audits = audits;
        this.database = database;
        this.publisher = publisher;
        this.server = server;
        this.timer = timer;
        this.monitoring = monitoring;
    }

    public static Hub start(HubOptions options) {
        return start(options, Clock.systemUTC());
    }

    public static Hub start(HubOptions options, Clock clock) {
        return start(options, clock, System.getenv());
    }

    /** @param env the environment mirror secrets are read from ({@code mirrors:} names the variables) */
    public static Hub start(HubOptions options, Clock clock, java.util.Map<String, String> env) {
        NoroshiConfig config = options.config() == null ? Launcher.demoAt(demoConfig(), options.bind(), options.port())
                : new ConfigLoader().load(options.config());
        // Before anything is created or seeded: a hub that cannot listen stops with one line.
        io.noroshi.web.ListenAddress.requireFree(options.bind(), options.port());
        var settings = DatabaseSettings.fromCommandLine(options.dataDir(), java.util.Optional.ofNullable(options.databaseUrl()));
        // Before opening: a second hub on one SQLite file stops here, before it migrates or renders anything.
        HubFileLock fileLock = settings instanceof DatabaseSettings.Sqlite sqlite ? HubFileLock.acquire(sqlite.file()) : null;
        Database database;
        Mirrors mirrors = null;
        try {
            database = Database.open(settings);
        } catch (RuntimeException e) {
            if (fileLock != null) fileLock.close();
            throw e;
        }
        try {
            if (options.demo()) {
                // One transaction: one commit instead of one per incident, update and day of uptime.
                boolean seeded = database.allOrNothing().together(() -> new DemoHistory(database.incidents(), database.maintenance(),
                        database.componentStates(), database.uptime()).seedIfEmpty(config, clock.instant()));
                log.info("demo history seeded={}", seeded);
            }
            var holder = new SnapshotHolder();
            // communication: the lint and promises of every update, reminders to the team, the promises on the public page
            // reminders and mirror alerts go to the team's notification routes once those exist (below)
            var team = new TeamChannels();
            var communication = new io.noroshi.comms.Communication(config, database.incidents(), database.comms(),
                    new io.noroshi.comms.RecordingMessenger(team), io.noroshi.comms.TeamRoles.ROLE_NAMES, clock);
            var source = new PageDataSource(config, database.incidents(), database.maintenance(), database.componentStates(), database.uptime(), clock,
                    io.noroshi.statuspage.KeptInMemory.RECENT, communication.publicNotes());
            mirrors = Mirrors.open(config, options.dataDir(), env, team, clock, MirrorExports.of(config, database));
            Mirrors toMirrors = mirrors;
            var publisher = new SnapshotPublisher(source, new SiteRenderer(), snapshot -> {
                holder.publish(snapshot);
                toMirrors.accept(snapshot);
            }, clock);
            publisher.publishNow();
            var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            // Names that `promtool check metrics` accepts: a CPU count is not a "_count", and process_cpu_usage already says the rest.
            metrics.config().meterFilter(new io.micrometer.core.instrument.config.MeterFilter() {
                        @Override
                        public io.micrometer.core.instrument.Meter.Id map(io.micrometer.core.instrument.Meter.Id id) {
                            return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
                        }
                    })
                    .meterFilter(io.micrometer.core.instrument.config.MeterFilter.denyNameStartsWith("process.cpu.time"));
            // Monitoring: the hub's own checks, agents' results, quorum verdicts -> component status and uptime.
            var ledger = new HeartbeatLedger(clock);
            var notifications = io.noroshi.notify.Notifications.build(config, database, metrics, clock);
            // A verdict that moves a component tells its webhook subscribers, in the transaction that stores the status.
            var monitoredStates = new io.noroshi.notify.AnnouncedComponentStates(database.componentStates(), database.allOrNothing(),
                    notifications.announcements());
            var monitoring = new Monitoring(config, new Monitoring.Stores(database.results(), monitoredStates, database.uptime()),
                    Checkers.standard(clock, HttpChecker.defaultClient(), ledger), ledger, metrics, clock, () -> {
                        publisher.requestRefresh();
                        try {
                            database.changes().announce();
                        } catch (RuntimeException e) {
                            // Only in an outage (logged once by DatabaseHealth); other hubs catch up at their idle refresh.
                        }
                    });
            team.connect(notifications.alerts());
            communication.deliveriesFrom(notifications.outbox()::deliveries);
            // admin: accounts, write commands, admin API and pages
            var admin = AdminGraph.build(config, database, publisher, clock, monitoring.handBack(),
                    java.util.List.of(monitoring.admin(database.results(), clock), notifications.admin(), communication.admin(),
                            mirrors.admin(publisher)),
                    notifications.announcements(), communication.review());
            mirrors.bindTo(metrics, clock);
            var routes = new Routes(holder, metrics, monitoring.agentApi(), admin.routes(), database.health());
            // Other hubs on the same PostgreSQL announce their changes: re-render at once, not at the idle refresh.
            database.changes().listen(publisher::requestRefresh);
            var server = new HubServer(holder, c -> {
                routes.register(c);
                notifications.registerPublic(c);
            }, options.connections()).bindMetrics(metrics).start(options.bind(), options.port());
            // /metrics without a token, on an address of its own (the hub's port asks for a token with scope read)
            MetricsListener metricsListener = config.monitoring().metricsBind().map(a -> MetricsListener.start(a, metrics)).orElse(null);
            // Not needed for the first answer, so after it: the JVM's meters (they start the management beans) and, on
            // the first start, the one-time setup token.
            new JvmMemoryMetrics().bindTo(metrics);
            new JvmThreadMetrics().bindTo(metrics);
            new ProcessorMetrics().bindTo(metrics);
            admin.accounts().issueSetupToken().ifPresent(token -> announceSetupToken(options, server.port(), token));
            monitoring.events().subscribe(notifications.alerts()::onVerdict); // team alerts, before the first verdict
            monitoring.start();
            var timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("hub-timer").daemon().factory());
            timer.scheduleAtFixedRate(publisher::requestRefresh, IDLE_REFRESH_SECONDS, IDLE_REFRESH_SECONDS, TimeUnit.SECONDS);
            // maintenance flagged auto_start / auto_complete moves at its scheduled times
            timer.scheduleWithFixedDelay(() -> {
                try {
                    admin.maintenanceSchedule().run();
                } catch (RuntimeException e) {
                    // A database outage is logged once by storage.DatabaseHealth; the next round tries again.
                    if (DatabaseOutage.isOutage(e)) log.debug("maintenance schedule skipped: database unavailable");
                    else log.warn("maintenance schedule failed error={}", e.toString());
                }
            }, 1, io.noroshi.admin.MaintenanceSchedule.EVERY_SECONDS, TimeUnit.SECONDS);
            var commsTicker = communication.ticker(publisher::requestRefresh);
            var firstNotices = communication.firstNotices(admin.incidents(),
                    new io.noroshi.admin.AuditTrail(database.auditLog(), new io.noroshi.admin.AdminJson(), clock));
            monitoring.events().subscribe(firstNotices::onVerdict);
            timer.scheduleWithFixedDelay(() -> {
                try {
                    firstNotices.tick();
                    commsTicker.tick();
                } catch (RuntimeException e) {
                    if (DatabaseOutage.isOutage(e)) log.debug("communication reminders skipped: database unavailable");
                    else log.warn("communication reminders failed error={}", e.toString());
                }
            }, 1, io.noroshi.comms.CommsTicker.EVERY.toSeconds(), TimeUnit.SECONDS);
            // scheduled live DNS audit: findings kept in the database, new ones raised as events (logged and counted)
            var auditEvents = new AuditEvents();
            auditEvents.subscribe(new FindingLog(metrics));
            auditEvents.subscribe(notifications.alerts()::onAudit);
            timer.scheduleWithFixedDelay(notifications.alerts()::remind, 60, 60, TimeUnit.SECONDS);
            var audits = LiveAudits.start(config.audit(), database.auditFindings(), auditEvents, clock);
            notifications.worker().readersFirst(server::readsServed); // the page's readers before the fan-out
            notifications.start(server.port());
            var hub = new Hub(database, publisher, server, timer, monitoring, admin, communication, audits, fileLock, metricsListener, mirrors);
            hub.notifications = notifications;
            return hub;
        } catch (RuntimeException e) {
            if (mirrors != null) mirrors.close();
            database.close();
            if (fileLock != null) fileLock.close();
            throw e;
        }
    }

    /** Printed once to stdout (never logged): the only copy of the token; the database keeps its hash. */
    private static void announceSetupToken(HubOptions options, int port, String token) {
        System.out.println("No operator exists yet. Create the first one at " + Launcher.url(options.bind(), port).resolve("/admin/setup")
                + " with this one-time token:");
        System.out.println("  " + token);
        System.out.println("or run: " + Launcher.command() + " admin create --email you@example.com" + (options.databaseUrl() == null
                ? " --data " + options.dataDir() : " --database-url URL"));
        System.out.flush();
    }

    public int port() {
        return server.port();
    }

    /** The port of the separate metrics listener ({@code monitoring.metrics_bind}), if one runs. */
    public java.util.OptionalInt metricsPort() {
        return metricsListener == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(metricsListener.port());
    }

    public SnapshotPublisher publisher() {
        return publisher;
    }

    /** Accounts and write commands, for tests and bootstrap paths. */
    public AdminGraph admin() {
        return admin;
    }

    /** Subscribers, the outbox and its worker, the channels. */
    public io.noroshi.notify.Notifications notifications() {
        return notifications;
    }

    /** The static mirrors of the public site ({@code mirrors:}). */
    public Mirrors mirrors() {
        return mirrors;
    }

    /** The communication feature: its ticker, first notices and messenger (tests tick it on their own clock). */
    public io.noroshi.comms.Communication communication() {
        return communication;
    }

    public Database database() {
        return database;
    }

    public Monitoring monitoring() {
        return monitoring;
    }

    /** The scheduled live DNS audits of the {@code audit:} section. */
    public LiveAudits audits() {
        return audits;
    }

    static NoroshiConfig demoConfig() {
        try (InputStream in = Hub.class.getResourceAsStream("/demo/noroshi.yaml")) {
            if (in == null) throw new IllegalStateException("the bundled demo config is missing from the jar");
            return new ConfigLoader().parse("demo/noroshi.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled demo config: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (notifications != null) notifications.close();
        audits.close();
        monitoring.close();
        if (metricsListener != null) metricsListener.close();
        server.close();
        publisher.close();
        mirrors.close();
        database.close();
        if (fileLock != null) fileLock.close();
    }
}
