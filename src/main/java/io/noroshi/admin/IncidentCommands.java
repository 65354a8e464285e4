package io.noroshi.admin;

import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.admin.AuditTrail.Entry;
import io.noroshi.config.Text;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentLifecycle;
import io.noroshi.incident.IncidentLifecycle.Step;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore;
import io.noroshi.incident.IncidentStore.NewUpdate;
import io.noroshi.web.ApiErrors.BadRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every change to incidents, whoever makes it (API, admin pages, and through the API the command
 * line): checks the actor's scope, then stores the change, sets component statuses and appends the
 * audit log in one transaction, and returns once the public snapshot shows it.
 */
public final class IncidentCommands {

    private final IncidentStore incidents;
    private final ComponentStatuses components;
    private final AdminJson json;
    private final AuditedWrite writes;
    private final UpdateReview review;

    private final io.noroshi.notify.Announcements announcements;

    public IncidentCommands(IncidentStore incidents, ComponentStatuses components, AdminJson json, AuditedWrite writes) {
        this(incidents, components, json, writes, io.noroshi.notify.Announcements.NONE, UpdateReview.NONE);
    }

    /**
     * @param announcements told inside each change's transaction when the change is to notify
     * @param review        another feature's check of every update before it is posted, and its records with it
     */
    public IncidentCommands(IncidentStore incidents, ComponentStatuses components, AdminJson json, AuditedWrite writes,
                            io.noroshi.notify.Announcements announcements, UpdateReview review) {
        this.announcements = announcements;
        this.review = review;
        this.incidents = incidents;
        this.components = components;
        this.json = json;
        this.writes = writes;
    }

    public Incident open(Actor actor, IncidentDraft draft) {
        actor.require(Scope.INCIDENTS);
        if (draft.name().isEmpty()) throw new BadRequest("name", "an incident needs a name in en or ja");
        if (draft.first().body().isEmpty()) throw new BadRequest("body", "the first update needs text in en or ja");
        components.validate(draft.first().changes(), "affected_components");
        Map<String, Object> reviewed = review.review(java.util.Optional.empty(), draft.first());
        Instant now = writes.now();
        List<AffectedComponent> affected = components.apply(draft.first().changes());
        return writes.apply(actor, () -> {
            Incident opened = incidents.open(draft.name(), draft.impact(),
                    new NewUpdate(draft.first().status(), draft.first().body(), now, affected));
            components.store(affected, now);
            if (draft.first().notifySubscribers()) announcements.incident(opened, io.noroshi.notify.Notice.Event.INCIDENT_CREATED);
            review.stored(opened, draft.first());
            return opened;
        }, opened -> {
            var recorded = withNotify(json.incident(opened), draft.first().notifySubscribers());
            recorded.putAll(reviewed);
            return new Entry("incident.open", target(opened.id()), null, recorded);
        });
    }

    /** Posts an update; refused (409) when the incident is closed or the status may not follow. */
    public Incident update(Actor actor, String id, UpdateDraft draft) {
        if (draft.body().isEmpty()) throw new BadRequest("body", "an update needs text in en or ja");
        Step step = Step.update(draft.status());
        return post(actor, id, step, draft, step == Step.RESOLVED ? "incident.resolve" : "incident.update");
    }

    /** Resolves with the given text, or a default one in both languages when empty; refused when closed already. */
    public Incident resolve(Actor actor, String id, UpdateDraft draft) {
        Text body = draft.body().isEmpty() ? Text.of("This incident has been resolved.", "この障害は解消しました。") : draft.body();
        return update(actor, id, new UpdateDraft(IncidentStatus.RESOLVED, body, draft.changes(), draft.notifySubscribers(), draft.extras()));
    }

    /**
     * Reopens a resolved incident: the reason is posted as an update with the status it goes back to
     * (investigating unless given), which also clears its resolution time.
     */
    public Incident reopen(Actor actor, String id, UpdateDraft draft) {
        if (draft.body().isEmpty()) throw new BadRequest("reason", "a reopen needs a reason in en or ja");
        if (!IncidentLifecycle.reopenedStatuses().contains(draft.status())) {
            throw new BadRequest("status", "a reopened incident is investigating, identified or monitoring");
        }
        return post(actor, id, Step.REOPEN, draft, "incident.reopen");
    }

    private Incident post(Actor actor, String id, Step step, UpdateDraft draft, String action) {
        actor.require(Scope.INCIDENTS);
        Incident before = find(id);
        components.validate(draft.changes(), "affected_components");
        Map<String, Object> reviewed = review.review(java.util.Optional.of(before), draft);
        Instant now = writes.now();
        List<AffectedComponent> affected = components.apply(draft.changes());
        return writes.apply(actor, () -> {
            require(id, step);
            Incident after = incidents.addUpdate(id, new NewUpdate(draft.status(), draft.body(), now, affected))
                    .orElseThrow(() -> new UnknownTarget("incident", id));
            components.store(affected, now);
            if (draft.notifySubscribers()) {
                announcements.incident(after, step == Step.RESOLVED ? io.noroshi.notify.Notice.Event.INCIDENT_RESOLVED
                        : io.noroshi.notify.Notice.Event.INCIDENT_UPDATED);
            }
            review.stored(after, draft);
            return after;
        }, after -> {
            var recorded = withNotify(json.incidentHead(after), draft.notifySubscribers());
            recorded.putAll(reviewed);
            recorded.put("update", AdminJson.update(after.updates().getLast()));
            return new Entry(action, target(id), json.incidentHead(before), recorded);
        });
    }

    public Incident setImpact(Actor actor, String id, Impact impact) {
        actor.require(Scope.INCIDENTS);
        Incident before = find(id);
        return writes.apply(actor,
                () -> incidents.setImpact(id, impact, writes.now()).orElseThrow(() -> new UnknownTarget("incident", id)),
                after -> new Entry("incident.impact", target(id), json.incidentHead(before), json.incidentHead(after)));
    }

    public Incident attachPostmortem(Actor actor, String id, Text postmortem) {
        actor.require(Scope.INCIDENTS);
        Incident before = find(id);
        if (postmortem.isEmpty()) throw new BadRequest("body", "a postmortem needs text");
        return writes.apply(actor, () -> {
            require(id, Step.POSTMORTEM);
            return incidents.attachPostmortem(id, postmortem, writes.now()).orElseThrow(() -> new UnknownTarget("incident", id));
        }, after -> new Entry("incident.postmortem", target(id), withPostmortem(before), withPostmortem(after)));
    }

    /** Checks the step against the status as stored, held until the change commits; 409 when refused. */
    private void require(String id, Step step) {
        IncidentStatus current = incidents.statusForChange(id).orElseThrow(() -> new UnknownTarget("incident", id));
        if (IncidentLifecycle.allows(current, step)) return;
        List<String> allowed = IncidentLifecycle.allowedFrom(current).stream().map(Step::wire).toList();
        String what = switch (step) {
            case INVESTIGATING, IDENTIFIED, MONITORING -> "post an update to";
            case RESOLVED -> "resolve";
            case POSTMORTEM -> "attach a postmortem to";
            case REOPEN -> "reopen";
        };
        String hint = current == IncidentStatus.RESOLVED && step != Step.RESOLVED ? " (reopen it, with a reason, to post updates again)" : "";
        throw new InvalidTransition("cannot " + what + " incident " + id + ": it is " + current.wire()
                + "; allowed now: " + (allowed.isEmpty() ? "nothing" : String.join(", ", allowed)) + hint, current.wire(), allowed);
    }

    /** The extra update fields the review reads, for the API's and the form's field lists. */
    public java.util.Set<String> reviewFields() {
        return review.fields();
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
        java.util.function.Predicate<Incident> wanted = i -> (!"resolved".equals(state) || i.isResolved())
                && (needle.isEmpty() || matches(i, needle));
        if ("open".equals(state)) return incidents.unresolved().stream().filter(wanted).skip(offset).limit(limit).toList();
        if (needle.isEmpty() && !"resolved".equals(state)) return incidents.history(offset, limit);
        // A window at a time, so a search through a long history never holds more than one in memory.
        var found = new java.util.ArrayList<Incident>();
        int skip = offset;
        for (int from = 0; from < SEARCH_WINDOW && found.size() < limit; from += SEARCH_STEP) {
            List<Incident> window = incidents.history(from, SEARCH_STEP);
            for (Incident incident : window) {
                if (!wanted.test(incident) || found.size() >= limit) continue;
                if (skip > 0) skip--;
                else found.add(incident);
            }
            if (window.size() < SEARCH_STEP) break;
        }
        return List.copyOf(found);
    }

    /** How many recent incidents a search looks through, and how many it reads at a time. */
    static final int SEARCH_WINDOW = 1000;
    private static final int SEARCH_STEP = 100;

    private static boolean matches(Incident incident, String needle) {
        return contains(incident.name(), needle) || incident.id().equals(needle)
                || incident.updates().stream().anyMatch(u -> contains(u.body(), needle));
    }

    private static boolean contains(Text text, String needle) {
        return text.byLanguage().values().stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(needle));
    }

    private Map<String, Object> withPostmortem(Incident incident) {
        var head = json.incidentHead(incident);
        head.put("postmortem", AdminJson.text(incident.postmortem()));
        return head;
    }

    private static Map<String, Object> withNotify(Map<String, Object> map, boolean notify) {
        map.put("notify", notify);
        return map;
    }

    static String target(String id) {
        return "incident/" + id;
    }
}
