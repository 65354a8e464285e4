package io.noroshi.comms;

import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.admin.AuditTrail;
import io.noroshi.admin.IncidentCommands;
import io.noroshi.admin.IncidentDraft;
import io.noroshi.admin.UnknownTarget;
import io.noroshi.admin.UpdateDraft;
import io.noroshi.admin.UpdateRefused;
import io.noroshi.admin.InvalidTransition;
import io.noroshi.comms.CommsStore.Draft;
import io.noroshi.comms.CommsStore.DraftState;
import io.noroshi.config.Component;
import io.noroshi.config.Monitor;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore;
import io.noroshi.monitor.Verdict;
import io.noroshi.monitor.VerdictChange;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first notice: when the monitoring confirms an outage of a public component, a draft incident
 * is written at once from the {@code first_notice} template; a major outage's draft is published by
 * itself after {@code communication.first_notice.delay} unless an operator takes it over (or the
 * component is listed in {@code off_for}). The draft, its owner and its publication go into the audit
 * log; the time from the verdict to the notice is kept for the report. A recovery verdict suggests
 * "monitoring" or "resolved" for the incident; it never resolves anything by itself.
 */
public final class FirstNotices {

    private static final Logger log = LoggerFactory.getLogger(FirstNotices.class);
    /** Who the audit log names for what the hub does by itself. */
    static final Actor HUB = new Actor("", "noroshi (first notice)", Scope.INCIDENTS);
    private static final Set<DraftState> OPEN = Set.of(DraftState.PENDING, DraftState.TAKEN);

    private final NoroshiConfig config;
    private final CommsStore store;
    private final IncidentStore incidentStore;
    private final IncidentCommands incidents;
    private final AuditTrail audit;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    public FirstNotices(NoroshiConfig config, CommsStore store, IncidentStore incidentStore, IncidentCommands incidents, AuditTrail audit,
                        InstantSource clock) {
        this.config = config;
        this.store = store;
        this.incidentStore = incidentStore;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
    }

    /** Subscriber for the monitoring's verdict changes. */
    public synchronized void onVerdict(VerdictChange change) {
        Optional<Component> component = config.monitors().stream().filter(m -> m.id().equals(change.monitorId())).findFirst()
                .flatMap(Monitor::component).flatMap(config::component);
        if (component.isEmpty()) return;
        String id = component.get().id();
        if (change.to() == Verdict.DOWN || change.to() == Verdict.DEGRADED) {
            if (config.communication().firstNotice().offFor().contains(id)) return;
            boolean covered = incidentStore.unresolved().stream().anyMatch(i -> i.componentIds().contains(id) || fromDraftFor(i, id))
                    || store.drafts(OPEN).stream().anyMatch(d -> d.componentId().equals(id));
            if (!covered) draft(component.get(), change);
        } else if (change.to() == Verdict.UP && (change.from() == Verdict.DOWN || change.from() == Verdict.DEGRADED)) {
            recovered(component.get(), change.at());
        }
    }

    private boolean fromDraftFor(Incident incident, String componentId) {
        return store.draftOf(incident.id()).filter(d -> d.componentId().equals(componentId)).isPresent();
    }

    private void draft(Component component, VerdictChange change) {
        Instant now = clock.instant();
        Impact impact = change.to() == Verdict.DOWN ? Impact.MAJOR : Impact.MINOR;
        var settings = config.communication().firstNotice();
        Optional<Instant> publishAt = impact == Impact.MAJOR && settings.autoPublishMajor() ? Optional.of(now.plus(settings.delay())) : Optional.empty();
        var draft = new Draft(newId(), component.id(), change.monitorId(), impact, change.at(), now,
                publishAt, DraftState.PENDING, Optional.empty(), Optional.empty(), Optional.empty(), name(component, impact),
                body(component, change.at(), publishAt.orElse(now), impact));
        store.putDraft(draft);
        audit.record(HUB, "incident.draft", "draft/" + draft.id(), null, wire(draft));
        log.info("first notice drafted draft={} component={} publishAt={}", draft.id(), component.id(), publishAt.map(Instant::toString).orElse("operator"));
    }

    private String newId() {
        byte[] bytes = new byte[5];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Drafts waiting for publication or an operator, oldest first. */
    public java.util.List<Draft> open() {
        return store.drafts(OPEN);
    }

    /** Publishes the drafts whose delay has passed; returns how many. */
    public synchronized int tick() {
        Instant now = clock.instant();
        int published = 0;
        for (Draft d : store.drafts(Set.of(DraftState.PENDING))) {
            if (d.publishAt().isEmpty() || now.isBefore(d.publishAt().get())) continue;
            Component component = config.component(d.componentId()).orElse(null);
            if (component == null) continue;
            // Untouched by people: the template again, so "next update by" counts from the moment it goes out.
            publish(HUB, d.withBody(body(component, d.detectedAt(), now, d.impact())));
            published++;
        }
        return published;
    }

    /** An operator takes a draft over: it is theirs now, and is never published by itself. */
    public synchronized Draft take(Actor actor, String draftId) {
        actor.require(Scope.INCIDENTS);
        Draft d = open(draftId);
        var taken = new Draft(d.id(), d.componentId(), d.monitorId(), d.impact(), d.detectedAt(), d.draftedAt(), Optional.empty(), DraftState.TAKEN,
                Optional.of(actor.label()), Optional.empty(), Optional.empty(), d.name(), d.body());
        store.putDraft(taken);
        audit.record(actor, "incident.draft.take", "draft/" + d.id(), wire(d), wire(taken));
        return taken;
    }

    /** An operator rewrites a draft's text: it is theirs now (taken over), and is never published by itself. */
    public synchronized Draft edit(Actor actor, String draftId, Text body) {
        actor.require(Scope.INCIDENTS);
        Draft d = open(draftId);
        if (body.isEmpty()) throw new IllegalArgumentException("the text is empty: write the first notice in at least one language");
        var edited = new Draft(d.id(), d.componentId(), d.monitorId(), d.impact(), d.detectedAt(), d.draftedAt(), Optional.empty(), DraftState.TAKEN,
                Optional.of(actor.label()), Optional.empty(), Optional.empty(), d.name(), body);
        store.putDraft(edited);
        audit.record(actor, "incident.draft.edit", "draft/" + d.id(), wire(d), wire(edited));
        return edited;
    }

    /** An operator publishes a draft, with their own text when given. */
    public synchronized Incident publish(Actor actor, String draftId, Text body) {
        actor.require(Scope.INCIDENTS);
        Draft d = open(draftId);
        return publish(actor, body.isEmpty() ? d : d.withBody(body));
    }

    public synchronized Draft dismiss(Actor actor, String draftId) {
        actor.require(Scope.INCIDENTS);
        Draft d = open(draftId);
        var dismissed = d.with(DraftState.DISMISSED);
        store.putDraft(dismissed);
        audit.record(actor, "incident.draft.dismiss", "draft/" + d.id(), wire(d), wire(dismissed));
        return dismissed;
    }

    private Incident publish(Actor actor, Draft d) {
        Instant now = clock.instant();
        Duration interval = config.communication().nextUpdate().after(d.impact(), Duration.ZERO);
        var extras = Map.of(CommsUpdates.NEXT_UPDATE_BY, now.plus(interval).toString());
        try {
            Incident opened = incidents.open(actor, new IncidentDraft(d.name(), d.impact(),
                    new UpdateDraft(IncidentStatus.INVESTIGATING, d.body(), java.util.List.of(), true, extras)));
            var published = new Draft(d.id(), d.componentId(), d.monitorId(), d.impact(), d.detectedAt(), d.draftedAt(), d.publishAt(),
                    DraftState.PUBLISHED, d.owner(), Optional.of(opened.id()), Optional.of(opened.createdAt()), d.name(), d.body());
            store.putDraft(published);
            audit.record(actor, "incident.draft.publish", "draft/" + d.id(), wire(d), wire(published));
            log.info("first notice published draft={} incident={} secondsAfterDetection={}", d.id(), opened.id(),
                    Duration.between(d.detectedAt(), opened.createdAt()).toSeconds());
            return opened;
        } catch (UpdateRefused | InvalidTransition e) {
            // Left for an operator: the lint found something in the template, or the incident could not be opened.
            var waiting = new Draft(d.id(), d.componentId(), d.monitorId(), d.impact(), d.detectedAt(), d.draftedAt(), Optional.empty(),
                    d.state(), d.owner(), Optional.empty(), Optional.empty(), d.name(), d.body());
            store.putDraft(waiting);
            log.warn("first notice not published draft={} reason={}", d.id(), e.getMessage());
            throw e;
        }
    }

    private void recovered(Component component, Instant at) {
        for (Draft d : store.drafts(Set.of(DraftState.PENDING))) {
            if (!d.componentId().equals(component.id())) continue;
            var recovered = d.with(DraftState.RECOVERED);
            store.putDraft(recovered);
            audit.record(HUB, "incident.draft.recovered", "draft/" + d.id(), wire(d), wire(recovered));
        }
        for (Incident incident : incidentStore.unresolved()) {
            if (!incident.componentIds().contains(component.id()) && !fromDraftFor(incident, component.id())) continue;
            String step = incident.status() == IncidentStatus.MONITORING ? "resolved" : "monitoring";
            store.suggest(new CommsStore.Suggestion(incident.id(), at, step, "The monitors see " + component.name().in("en")
                    + " up again: post a \"" + step + "\" update when you have confirmed it (the hub never resolves by itself)."));
        }
    }

    private Draft open(String draftId) {
        Draft d = store.draft(draftId).orElseThrow(() -> new UnknownTarget("draft", draftId));
        if (!OPEN.contains(d.state())) throw new InvalidTransition("draft " + draftId + " is " + d.state().wire() + "; only pending or taken drafts can change",
                d.state().wire(), java.util.List.of());
        return d;
    }

    private Text name(Component component, Impact impact) {
        String en = component.name().in("en");
        String ja = component.name().in("ja");
        return impact == Impact.MAJOR ? Text.of(en + " is unavailable", ja + "がご利用いただけません") : Text.of(en + " is degraded", ja + "の動作が不安定です");
    }

    private Text body(Component component, Instant since, Instant publishedAt, Impact impact) {
        Text template = config.communication().templates().get("first_notice");
        Instant next = publishedAt.plus(config.communication().nextUpdate().after(impact, Duration.ZERO));
        var texts = new LinkedHashMap<String, String>();
        for (String lang : java.util.List.of("en", "ja")) {
            if (!template.has(lang)) continue;
            texts.put(lang, Templates.fill(template.in(lang), Map.of("components", component.name().in(lang),
                    "since", PublicPromises.time(since, config.page().timeZone()), "next_update", PublicPromises.time(next, config.page().timeZone()),
                    "impact", impact.wire(), "incident", name(component, impact).in(lang), "estimate", "")));
        }
        return new Text(texts);
    }

    static Map<String, Object> wire(Draft d) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", d.id());
        map.put("component", d.componentId());
        map.put("monitor", d.monitorId());
        map.put("impact", d.impact().wire());
        map.put("state", d.state().wire());
        map.put("detected_at", d.detectedAt().toString());
        map.put("publish_at", d.publishAt().map(Instant::toString).orElse(null));
        map.put("owner", d.owner().orElse(null));
        map.put("incident_id", d.incidentId().orElse(null));
        return map;
    }
}
