package io.noroshi.admin;

import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.config.Text;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore;
import io.noroshi.incident.IncidentStore.NewUpdate;
import io.noroshi.web.ApiErrors.BadRequest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every change to incidents, whoever makes it (API, admin pages, and through the API the command
 * line): checks the actor's scope, stores the change, sets component statuses, appends the audit
 * log and returns once the public snapshot shows it.
 */
public final class IncidentCommands {

    private final IncidentStore incidents;
    private final ComponentStatuses components;
    private final AuditTrail audit;
    private final AdminJson json;
    private final PublishAfterWrite publish;
    private final InstantSource clock;

    public IncidentCommands(IncidentStore incidents, ComponentStatuses components, AuditTrail audit, AdminJson json,
                            PublishAfterWrite publish, InstantSource clock) {
        this.incidents = incidents;
        this.components = components;
        this.audit = audit;
        this.json = json;
        this.publish = publish;
        this.clock = clock;
    }

    public Incident open(Actor actor, IncidentDraft draft) {
        actor.require(Scope.INCIDENTS);
        if (draft.name().isEmpty()) throw new BadRequest("name", "an incident needs a name in en or ja");
        if (draft.first().body().isEmpty()) throw new BadRequest("body", "the first update needs text in en or ja");
        components.validate(draft.first().changes(), "affected_components");
        Instant now = clock.instant();
        List<AffectedComponent> affected = components.apply(draft.first().changes());
        Incident opened = incidents.open(draft.name(), draft.impact(),
                new NewUpdate(draft.first().status(), draft.first().body(), now, affected));
        components.store(affected, now);
        audit.record(actor, "incident.open", target(opened.id()), null, withNotify(json.incident(opened), draft.first().notifySubscribers()));
        publish.await();
        return opened;
    }

    public Incident update(Actor actor, String id, UpdateDraft draft) {
        actor.require(Scope.INCIDENTS);
        Incident before = find(id);
        if (draft.body().isEmpty()) throw new BadRequest("body", "an update needs text in en or ja");
        components.validate(draft.changes(), "affected_components");
        Instant now = clock.instant();
        List<AffectedComponent> affected = components.apply(draft.changes());
        Incident after = incidents.addUpdate(id, new NewUpdate(draft.status(), draft.body(), now, affected))
                .orElseThrow(() -> new UnknownTarget("incident", id));
        components.store(affected, now);
        var recorded = withNotify(json.incidentHead(after), draft.notifySubscribers());
        recorded.put("update", AdminJson.update(after.updates().getLast()));
        audit.record(actor, draft.status().isClosed() ? "incident.resolve" : "incident.update", target(id),
                json.incidentHead(before), recorded);
        publish.await();
        return after;
    }

    /** Resolves with the given text, or a default one in both languages when empty. */
    public Incident resolve(Actor actor, String id, UpdateDraft draft) {
        Text body = draft.body().isEmpty() ? Text.of("This incident has been resolved.", "この障害は解消しました。") : draft.body();
        return update(actor, id, new UpdateDraft(IncidentStatus.RESOLVED, body, draft.changes(), draft.notifySubscribers()));
    }

    public Incident setImpact(Actor actor, String id, Impact impact) {
        actor.require(Scope.INCIDENTS);
        Incident before = find(id);
        Incident after = incidents.setImpact(id, impact, clock.instant()).orElseThrow(() -> new UnknownTarget("incident", id));
        audit.record(actor, "incident.impact", target(id), json.incidentHead(before), json.incidentHead(after));
        publish.await();
        return after;
    }

    public Incident attachPostmortem(Actor actor, String id, Text postmortem) {
        actor.require(Scope.INCIDENTS);
        Incident before = find(id);
        if (!before.isResolved()) {
            throw new InvalidTransition("incident " + id + " is " + before.status().wire() + "; resolve it before attaching a postmortem");
        }
        if (postmortem.isEmpty()) throw new BadRequest("body", "a postmortem needs text");
        Incident after = incidents.attachPostmortem(id, postmortem, clock.instant()).orElseThrow(() -> new UnknownTarget("incident", id));
        var was = json.incidentHead(before);
        was.put("postmortem", AdminJson.text(before.postmortem()));
        var now = json.incidentHead(after);
        now.put("postmortem", AdminJson.text(after.postmortem()));
        audit.record(actor, "incident.postmortem", target(id), was, now);
        publish.await();
        return after;
    }

    public Incident find(String id) {
        return incidents.find(id).orElseThrow(() -> new UnknownTarget("incident", id));
    }

    /**
     * Incidents newest first; {@code state} is open, resolved or all, {@code query} matches name or
     * update text in any language, case-insensitively.
     */
    public List<Incident> search(String state, String query, int offset, int limit) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        var candidates = "open".equals(state) ? incidents.unresolved() : incidents.history(0, SEARCH_WINDOW);
        return candidates.stream()
                .filter(i -> !"resolved".equals(state) || i.isResolved())
                .filter(i -> needle.isEmpty() || matches(i, needle))
                .skip(offset).limit(limit).toList();
    }

    /** How many recent incidents a search looks through. */
    static final int SEARCH_WINDOW = 1000;

    private static boolean matches(Incident incident, String needle) {
        return contains(incident.name(), needle) || incident.id().equals(needle)
                || incident.updates().stream().anyMatch(u -> contains(u.body(), needle));
    }

    private static boolean contains(Text text, String needle) {
        return text.byLanguage().values().stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(needle));
    }

    private static Map<String, Object> withNotify(Map<String, Object> map, boolean notify) {
        map.put("notify", notify);
        return map;
    }

    static String target(String id) {
        return "incident/" + id;
    }
}
