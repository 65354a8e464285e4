package io.noroshi.statuspage.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Component;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentUpdate;
import io.noroshi.incident.Maintenance;
import io.noroshi.statuspage.PageLayout;
import io.noroshi.statuspage.PageTimes;
import io.noroshi.statuspage.SiteFacts;
import io.noroshi.statuspage.SitePaths;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the objects of the Atlassian Statuspage v2 public API (page, status, component,
 * incident, scheduled maintenance) field for field, in Atlassian's field order, so existing
 * widgets and clients read them unchanged. Text is in the page's default language.
 */
final class ApiObjects {

    private final SiteFacts facts;
    private final PageTimes times;
    private final SitePaths paths;
    private final String language;
    private final String pageId;
    /** Page-wide order, groups and members alike, so sorting by position gives the page's order. */
    private final Map<String, Integer> positions = new HashMap<>();

    ApiObjects(SiteFacts facts) {
        this.facts = facts;
        this.times = new PageTimes(facts.page().timeZone());
        this.paths = SitePaths.of(facts.page());
        this.language = facts.page().defaultLanguage();
        this.pageId = facts.page().id();
        int position = 1;
        for (PageLayout.Section section : facts.layout().sections()) {
            if (section.group().isPresent()) positions.put(section.group().get().id(), position++);
            for (Component component : section.components()) positions.put(component.id(), position++);
        }
    }

    void page(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("page");
        json.writeStringField("id", pageId);
        json.writeStringField("name", facts.page().name());
        json.writeStringField("url", facts.page().url().toString());
        json.writeStringField("time_zone", facts.page().timeZone().getId());
        json.writeStringField("updated_at", times.iso(facts.lastChange()));
        json.writeEndObject();
    }

    void status(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("status");
        json.writeStringField("indicator", facts.overall().indicator());
        json.writeStringField("description", facts.overall().description());
        json.writeEndObject();
    }

    /** Every component, each group as a component with {@code group: true} before its members. */
    void components(JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("components");
        for (PageLayout.Section section : facts.layout().sections()) {
            if (section.group().isPresent()) {
                Component.Group group = section.group().get();
                List<String> members = section.components().stream().map(Component::id).toList();
                component(json, group.id(), group.name().in(language), group.description().in(language),
                        facts.layout().statusOf(section), positions.get(group.id()), Optional.empty(), members);
            }
            for (Component member : section.components()) componentOf(json, member);
        }
        json.writeEndArray();
    }

    private void componentOf(JsonGenerator json, Component component) throws IOException {
        component(json, component.id(), component.name().in(language), component.description().in(language),
                facts.layout().statusOf(component.id()), positions.get(component.id()), component.group(), null);
    }

    private void component(JsonGenerator json, String id, String name, String description, ComponentStatus status,
                           int position, Optional<String> groupId, List<String> members) throws IOException {
        Instant changed = changedAt(id);
        json.writeStartObject();
        json.writeStringField("id", id);
        json.writeStringField("name", name);
        json.writeStringField("status", status.wire());
        json.writeStringField("created_at", times.iso(changed));
        json.writeStringField("updated_at", times.iso(changed));
        json.writeNumberField("position", position);
        nullable(json, "description", description.isEmpty() ? null : description);
        json.writeBooleanField("showcase", members == null);
        json.writeNullField("start_date");
        nullable(json, "group_id", groupId.orElse(null));
        json.writeStringField("page_id", pageId);
        json.writeBooleanField("group", members != null);
        json.writeBooleanField("only_show_if_degraded", false);
        if (members != null) {
            json.writeArrayFieldStart("components");
            for (String member : members) json.writeString(member);
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** Config holds no creation time; the last status change (or the page's) is the honest substitute. */
    private Instant changedAt(String componentId) {
        var state = facts.data().states().get(componentId);
        return state == null ? facts.lastChange() : state.updatedAt();
    }

    void incident(JsonGenerator json, Incident incident) throws IOException {
        json.writeStartObject();
        eventHead(json, incident.id(), incident.name().in(language), incident.status().wire(), incident.createdAt(),
                incident.updatedAt(), firstAt(incident.updates(), IncidentStatus.MONITORING.wire()),
                incident.resolvedAt().orElse(null), incident.impact().wire(), paths.absolute(paths.incident(language, incident.id())));
        eventTail(json, incident.id(), incident.updates(), incident.componentIds());
        // Not in Statuspage's public v2 objects (its manage API has it): the postmortem is shown wherever the incident is.
        String postmortem = incident.postmortem().in(language);
        if (postmortem.isEmpty()) json.writeNullField("postmortem_body");
        else json.writeStringField("postmortem_body", postmortem);
        json.writeEndObject();
    }

    /**
     * Everything {@link #incident} reads besides the incident and the config: the current status
     * and change time of each component it lists. With the incident, the key its JSON is kept by.
     */
    List<Object> componentFacts(Incident incident) {
        var list = new java.util.ArrayList<Object>();
        for (String componentId : incident.componentIds()) {
            if (facts.data().config().component(componentId).isPresent()) {
                list.add(new ComponentFact(componentId, facts.layout().statusOf(componentId), changedAt(componentId)));
            }
        }
        return list;
    }

    private record ComponentFact(String id, ComponentStatus status, Instant changedAt) {
    }

    void maintenance(JsonGenerator json, Maintenance m) throws IOException {
        json.writeStartObject();
        eventHead(json, m.id(), m.name().in(language), m.status().wire(), m.createdAt(), m.updatedAt(),
                firstAt(m.updates(), "verifying"), firstAt(m.updates(), "completed"), m.impact().wire(),
                paths.absolute(paths.maintenance(language, m.id())));
        eventTail(json, m.id(), m.updates(), m.componentIds());
        json.writeStringField("scheduled_for", times.iso(m.scheduledFor()));
        json.writeStringField("scheduled_until", times.iso(m.scheduledUntil()));
        json.writeEndObject();
    }

    private void eventHead(JsonGenerator json, String id, String name, String status, Instant created, Instant updated,
                           Instant monitoring, Instant resolved, String impact, String shortlink) throws IOException {
        json.writeStringField("id", id);
        json.writeStringField("name", name);
        json.writeStringField("status", status);
        json.writeStringField("created_at", times.iso(created));
        json.writeStringField("updated_at", times.iso(updated));
        time(json, "monitoring_at", monitoring);
        time(json, "resolved_at", resolved);
        json.writeStringField("impact", impact);
        json.writeStringField("shortlink", shortlink);
        json.writeStringField("started_at", times.iso(created));
        json.writeStringField("page_id", pageId);
    }

    private void eventTail(JsonGenerator json, String id, List<IncidentUpdate> updates, List<String> componentIds)
            throws IOException {
        json.writeArrayFieldStart("incident_updates");
        for (IncidentUpdate update : updates.reversed()) update(json, id, update);
        json.writeEndArray();
        json.writeArrayFieldStart("components");
        for (String componentId : componentIds) {
            var component = facts.data().config().component(componentId);
            if (component.isPresent()) componentOf(json, component.get());
        }
        json.writeEndArray();
    }

    private void update(JsonGenerator json, String eventId, IncidentUpdate update) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", update.id());
        json.writeStringField("status", update.status());
        json.writeStringField("body", update.body().in(language));
        json.writeStringField("incident_id", eventId);
        json.writeStringField("created_at", times.iso(update.createdAt()));
        json.writeStringField("updated_at", times.iso(update.createdAt()));
        json.writeStringField("display_at", times.iso(update.createdAt()));
        if (update.affected().isEmpty()) {
            json.writeNullField("affected_components");
        } else {
            json.writeArrayFieldStart("affected_components");
            for (AffectedComponent affected : update.affected()) {
                json.writeStartObject();
                json.writeStringField("code", affected.componentId());
                json.writeStringField("name", facts.data().config().component(affected.componentId())
                        .map(c -> c.name().in(language)).orElse(affected.componentId()));
                json.writeStringField("old_status", affected.oldStatus().wire());
                json.writeStringField("new_status", affected.newStatus().wire());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeBooleanField("deliver_notifications", true);
        json.writeNullField("custom_tweet");
        json.writeNullField("tweet_id");
        json.writeEndObject();
    }

    private static Instant firstAt(List<IncidentUpdate> updates, String status) {
        return updates.stream().filter(u -> u.status().equals(status)).map(IncidentUpdate::createdAt).findFirst().orElse(null);
    }

    private void time(JsonGenerator json, String field, Instant at) throws IOException {
        if (at == null) json.writeNullField(field);
        else json.writeStringField(field, times.iso(at));
    }

    private static void nullable(JsonGenerator json, String field, String value) throws IOException {
        if (value == null) json.writeNullField(field);
        else json.writeStringField(field, value);
    }
}
