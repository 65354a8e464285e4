package io.noroshi.admin;

import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.admin.AuditTrail.Entry;
import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Text;
import io.noroshi.incident.Maintenance;
import io.noroshi.incident.MaintenanceLifecycle;
import io.noroshi.incident.MaintenanceStatus;
import io.noroshi.incident.MaintenanceStore;
import io.noroshi.web.ApiErrors.BadRequest;
import java.time.Instant;
import java.util.List;

/**
 * Scheduled maintenance: schedule, start (its components show under maintenance), verify, complete
 * and cancel (they go back to operational). Which step may follow which is
 * {@link MaintenanceLifecycle}'s; a refused step is a 409 naming the current status and the allowed ones.
 */
public final class MaintenanceCommands {

    private final MaintenanceStore maintenance;
    private final ComponentStatuses components;
    private final AdminJson json;
    private final AuditedWrite writes;

    public MaintenanceCommands(MaintenanceStore maintenance, ComponentStatuses components, AdminJson json, AuditedWrite writes) {
        this(maintenance, components, json, writes, io.noroshi.notify.Announcements.NONE);
    }

    /** @param announcements told inside each change's transaction (scheduled, started, completed) */
    public MaintenanceCommands(MaintenanceStore maintenance, ComponentStatuses components, AdminJson json, AuditedWrite writes,
                               io.noroshi.notify.Announcements announcements) {
        this.announcements = announcements;
        this.maintenance = maintenance;
        this.components = components;
        this.json = json;
        this.writes = writes;
    }

    private final io.noroshi.notify.Announcements announcements;

    public Maintenance schedule(Actor actor, MaintenanceDraft draft) {
        actor.require(Scope.INCIDENTS);
        if (draft.name().isEmpty()) throw new BadRequest("name", "a maintenance needs a name in en or ja");
        if (!draft.until().isAfter(draft.from())) throw new BadRequest("scheduled_until", "scheduled_until must be after scheduled_for");
        components.validateIds(draft.componentIds(), "component_ids");
        return writes.apply(actor, () -> {
                    Maintenance created = maintenance.schedule(draft.name(), draft.impact(), draft.from(), draft.until(), draft.componentIds(),
                            draft.body(), writes.now(), draft.autoStart(), draft.autoComplete());
                    announcements.maintenance(created, io.noroshi.notify.Notice.Event.MAINTENANCE_SCHEDULED);
                    return created;
                },
                created -> new Entry("maintenance.schedule", target(created.id()), null, json.maintenance(created)));
    }

    /** Starts the work (or resumes it after verifying). */
    public Maintenance start(Actor actor, String id, Text body) {
        return move(actor, id, "start", MaintenanceStatus.IN_PROGRESS, orDefault(body, "Maintenance has started.", "メンテナンスを開始しました。"));
    }

    public Maintenance verify(Actor actor, String id, Text body) {
        return move(actor, id, "verify", MaintenanceStatus.VERIFYING,
                orDefault(body, "The work is done; we are verifying the results.", "作業が終わり、結果を確認しています。"));
    }

    public Maintenance complete(Actor actor, String id, Text body) {
        return move(actor, id, "complete", MaintenanceStatus.COMPLETED, orDefault(body, "Maintenance has been completed.", "メンテナンスが完了しました。"));
    }

    public Maintenance cancel(Actor actor, String id, Text body) {
        return move(actor, id, "cancel", MaintenanceStatus.CANCELLED,
                orDefault(body, "This maintenance has been cancelled.", "このメンテナンスは中止しました。"));
    }

    /** A step by its name in the API and the pages: start, verify, complete or cancel. */
    public Maintenance step(Actor actor, String id, String step, Text body) {
        return switch (step) {
            case "start" -> start(actor, id, body);
            case "verify" -> verify(actor, id, body);
            case "complete" -> complete(actor, id, body);
            case "cancel" -> cancel(actor, id, body);
            default -> throw new UnknownTarget("maintenance step", step);
        };
    }

    public Maintenance find(String id) {
        return maintenance.find(id).orElseThrow(() -> new UnknownTarget("maintenance", id));
    }

    /** Open windows first (soonest first), then the most recent closed ones. */
    public List<Maintenance> list(int limit) {
        var open = maintenance.open();
        var closed = maintenance.history(0, limit).stream().filter(m -> m.status().isClosed());
        return java.util.stream.Stream.concat(open.stream(), closed).limit(limit).toList();
    }

    private Maintenance move(Actor actor, String id, String action, MaintenanceStatus to, Text body) {
        actor.require(Scope.INCIDENTS);
        Maintenance before = find(id);
        Instant now = writes.now();
        var states = components.all();
        return writes.apply(actor, () -> {
            MaintenanceStatus stands = maintenance.statusForChange(id).orElseThrow(() -> new UnknownTarget("maintenance", id));
            if (!MaintenanceLifecycle.allows(stands, to)) {
                List<String> allowed = MaintenanceLifecycle.allowedFrom(stands).stream().map(MaintenanceStatus::wire).toList();
                throw new InvalidTransition("cannot " + action + " maintenance " + id + ": it is " + stands.wire() + "; allowed now: "
                        + (allowed.isEmpty() ? "nothing" : String.join(", ", allowed)), stands.wire(), allowed);
            }
            Maintenance after = maintenance.addUpdate(id, to, body, now).orElseThrow(() -> new UnknownTarget("maintenance", id));
            for (String componentId : after.componentIds()) {
                ComponentStatus current = states.containsKey(componentId) ? states.get(componentId).status() : ComponentStatus.OPERATIONAL;
                if (to == MaintenanceStatus.IN_PROGRESS && current == ComponentStatus.OPERATIONAL) {
                    components.put(new ComponentState(componentId, ComponentStatus.UNDER_MAINTENANCE, now, true));
                } else if (to.isClosed() && current == ComponentStatus.UNDER_MAINTENANCE) {
                    components.put(new ComponentState(componentId, ComponentStatus.OPERATIONAL, now, false));
                }
            }
            if (to == MaintenanceStatus.IN_PROGRESS && stands == MaintenanceStatus.SCHEDULED) {
                announcements.maintenance(after, io.noroshi.notify.Notice.Event.MAINTENANCE_STARTED);
            } else if (to == MaintenanceStatus.COMPLETED) {
                announcements.maintenance(after, io.noroshi.notify.Notice.Event.MAINTENANCE_COMPLETED);
            }
            return after;
        }, after -> new Entry("maintenance." + action, target(id), json.maintenance(before), json.maintenance(after)));
    }

    private static Text orDefault(Text body, String en, String ja) {
        return body == null || body.isEmpty() ? Text.of(en, ja) : body;
    }

    static String target(String id) {
        return "maintenance/" + id;
    }
}
