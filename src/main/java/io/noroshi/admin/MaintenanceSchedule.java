package io.noroshi.admin;

import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.incident.Maintenance;
import io.noroshi.incident.MaintenanceStatus;
import io.noroshi.incident.MaintenanceStore;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts maintenance flagged {@code auto_start} at its {@code scheduled_for} and completes maintenance
 * flagged {@code auto_complete} at its {@code scheduled_until}, through the same commands people use
 * (audited, with the default update texts). The hub runs it every {@link #EVERY_SECONDS} seconds.
 */
public final class MaintenanceSchedule {

    public static final long EVERY_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(MaintenanceSchedule.class);
    /** Who the audit log names for these steps. */
    static final Actor SCHEDULE = new Actor("", "maintenance schedule (automatic)", Scope.ADMIN);

    private final MaintenanceStore store;
    private final MaintenanceCommands commands;
    private final InstantSource clock;

    public MaintenanceSchedule(MaintenanceStore store, MaintenanceCommands commands, InstantSource clock) {
        this.store = store;
        this.commands = commands;
        this.clock = clock;
    }

    /** Moves every maintenance that is due now; returns how many steps were taken. */
    public int run() {
        Instant now = clock.instant();
        int steps = 0;
        for (Maintenance m : store.open()) {
            try {
                MaintenanceStatus status = m.status();
                if (status == MaintenanceStatus.SCHEDULED && m.autoStart() && !now.isBefore(m.scheduledFor())) {
                    status = commands.start(SCHEDULE, m.id(), null).status();
                    steps++;
                    log.info("maintenance started by schedule maintenance={}", m.id());
                }
                if (status.isActive() && m.autoComplete() && !now.isBefore(m.scheduledUntil())) {
                    commands.complete(SCHEDULE, m.id(), null);
                    steps++;
                    log.info("maintenance completed by schedule maintenance={}", m.id());
                }
            } catch (InvalidTransition e) {
                log.info("maintenance schedule skipped maintenance={} reason={}", m.id(), e.getMessage()); // moved by someone meanwhile
            }
        }
        return steps;
    }
}
