package io.noroshi.comms;

import io.noroshi.comms.CommsStore.EstimateEvent;
import io.noroshi.comms.CommsStore.EstimateKind;
import io.noroshi.comms.CommsStore.Promise;
import io.noroshi.comms.CommsStore.Reminder;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStore;
import io.noroshi.notify.Notice;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the team's promises in view, one tick at a time (the hub ticks it every few seconds; tests
 * tick it on an injected clock): reminds the commander and the communications lead
 * {@code remind_before} a promised update is due and again at the deadline (never when an update came
 * in time, since that update made a new promise), warns the commander before an estimate passes,
 * records a passed estimate as missed and escalates it. Each reminder is claimed in the store first,
 * so two hubs or a repeated tick send it once.
 */
public final class CommsTicker {

    /** How often the hub ticks. */
    public static final Duration EVERY = Duration.ofSeconds(5);
    /** Reminders go out as team alerts; the notify contract has no communication alert event yet (see docs/communication.md). */
    static final Notice.Event REMINDER_EVENT = Notice.Event.ALERT_MONITOR;

    private final NoroshiConfig config;
    private final IncidentStore incidents;
    private final CommsStore store;
    private final TeamMessenger messenger;
    private final TeamRoles roles;
    private final InstantSource clock;
    private final Runnable refreshPublicPage;

    public CommsTicker(NoroshiConfig config, IncidentStore incidents, CommsStore store, TeamMessenger messenger, TeamRoles roles,
                       InstantSource clock, Runnable refreshPublicPage) {
        this.config = config;
        this.incidents = incidents;
        this.store = store;
        this.messenger = messenger;
        this.roles = roles;
        this.clock = clock;
        this.refreshPublicPage = refreshPublicPage;
    }

    /** One round over the open incidents. */
    public void tick() {
        Instant now = clock.instant();
        boolean changed = false;
        for (Incident incident : incidents.unresolved()) {
            changed |= promise(incident, now);
            changed |= estimate(incident, now);
            escalate(incident, now);
        }
        if (changed) refreshPublicPage.run();
    }

    /** @return true when a deadline passed in this tick (the public page says "overdue" from now on) */
    private boolean promise(Incident incident, Instant now) {
        List<Promise> promises = store.promises(incident.id());
        if (promises.isEmpty() || promises.getLast().nextUpdateBy().isEmpty()) return false;
        Instant due = promises.getLast().nextUpdateBy().get();
        String at = PublicPromises.time(due, config.page().timeZone());
        if (now.isBefore(due) && !now.isBefore(due.minus(config.communication().remindBefore()))) {
            send(incident, "next-update-soon", due, now, List.of(TeamRoles.COMMANDER, TeamRoles.COMMS_LEAD),
                    "The next public update on \"" + incident.name().in("en") + "\" is due at " + at + ". Post it, even if there is no news.");
        }
        if (!now.isBefore(due)) {
            return send(incident, "next-update-due", due, now, List.of(TeamRoles.COMMANDER, TeamRoles.COMMS_LEAD),
                    "The public update on \"" + incident.name().in("en") + "\" promised for " + at + " is due now; the status page says it is overdue.");
        }
        return false;
    }

    private boolean estimate(Incident incident, Instant now) {
        List<EstimateEvent> events = store.estimates(incident.id());
        Optional<EstimateEvent> current = UpdatePromises.current(events);
        if (current.isEmpty() || current.get().estimateAt().isEmpty()) return false;
        Instant passes = current.get().estimateAt().get();
        String at = PublicPromises.time(passes, config.page().timeZone());
        if (!now.isAfter(passes)) {
            for (Duration warning : config.communication().estimateWarnings()) {
                if (!now.isBefore(passes.minus(warning)) && now.isBefore(passes)) {
                    send(incident, "estimate-warning-" + warning.toMinutes() + "m", passes, now, List.of(TeamRoles.COMMANDER),
                            "The estimate of recovery for \"" + incident.name().in("en") + "\" (" + at + ", " + current.get().confidence()
                                    + " confidence) passes in " + warning.toMinutes() + " minutes. Revise it now if it will not hold.");
                }
            }
            return false;
        }
        boolean missed = events.stream().anyMatch(e -> e.kind() == EstimateKind.MISSED && e.estimateAt().equals(current.get().estimateAt()));
        if (!missed) store.recordEstimate(new EstimateEvent(incident.id(), now, EstimateKind.MISSED, current.get().estimateAt(), current.get().confidence()));
        boolean sent = send(incident, "estimate-missed", passes, now, List.of(TeamRoles.COMMANDER, TeamRoles.COMMS_LEAD),
                "ESCALATION: the estimate of recovery for \"" + incident.name().in("en") + "\" (" + at + ") has passed without resolution."
                        + " The status page says a revised estimate is coming: post one now.");
        return sent || !missed;
    }

    /** A reminder nobody acknowledged (nor answered with an update) within {@code escalate_after} goes to the next person on call. */
    private void escalate(Incident incident, Instant now) {
        Roster roster = config.communication().roster();
        for (Reminder r : store.reminders(incident.id())) {
            if (r.acknowledgedAt().isPresent() || r.kind().startsWith("escalation:")) continue;
            if (now.isBefore(r.sentAt().plus(config.communication().escalateAfter()))) continue;
            List<String> roles = r.kind().startsWith("estimate-warning") ? List.of(TeamRoles.COMMANDER) : List.of(TeamRoles.COMMANDER, TeamRoles.COMMS_LEAD);
            var next = new LinkedHashSet<String>();
            for (String role : roles) next.addAll(roster.escalation(role, now));
            sendTo(incident, "escalation:" + r.kind(), r.dueAt(), now, new ArrayList<>(next),
                    "ESCALATION: nobody acknowledged this reminder within " + config.communication().escalateAfter().toMinutes()
                            + " minutes: " + r.message());
        }
    }

    /** Claims and sends one reminder; false when it was sent before. */
    private boolean send(Incident incident, String kind, Instant due, Instant now, List<String> toRoles, String message) {
        var people = new LinkedHashSet<String>();
        for (String role : toRoles) people.addAll(roles.holders(incident.id(), role, now));
        return sendTo(incident, kind, due, now, new ArrayList<>(people), message);
    }

    private boolean sendTo(Incident incident, String kind, Instant due, Instant now, List<String> people, String message) {
        if (!store.claimReminder(new Reminder(incident.id(), kind, due, now, new ArrayList<>(people), message))) return false;
        URI link = config.page().url().resolve("/incidents/" + incident.id());
        var notice = new Notice(REMINDER_EVENT, "en", config.page().name(), message, Optional.empty(), incident.impact().wire(), message,
                link, now, Optional.empty());
        for (String person : people) messenger.tell(person, notice);
        return true;
    }
}
