package io.noroshi.statuspage.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.noroshi.incident.Incident;
import io.noroshi.incident.Maintenance;
import io.noroshi.statuspage.SiteFacts;
import java.io.ByteArrayOutputStream;
import io.noroshi.statuspage.RenderCache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of the Atlassian Statuspage v2 public API under {@code /api/v2/}. Output is compact
 * JSON, deterministic for equal input.
 *
 * <p>An incident's JSON object is kept from the previous render while the incident and the
 * components it lists are unchanged: incidents.json carries fifty incidents with all their updates
 * and changes with every write, but usually only in one of them. Build one per config; one render
 * at a time.
 */
public final class StatusApi {

    /** Atlassian's incidents.json lists the 50 most recent incidents. */
    public static final int RECENT_INCIDENTS = 50;

    private final JsonFactory factory;
    private final RenderCache<IncidentKey, SerializedString> incidentObjects = new RenderCache<>();

    public StatusApi() {
        this.factory = new JsonFactory();
        factory.setCharacterEscapes(new HtmlSafeEscapes());
    }

    /** Body bytes by public path, e.g. {@code /api/v2/summary.json}. */
    public Map<String, byte[]> render(SiteFacts facts) {
        incidentObjects.nextRender();
        var api = new ApiObjects(facts);
        List<Incident> recent = facts.incidents().stream().limit(RECENT_INCIDENTS).toList();
        List<Maintenance> all = facts.data().maintenance();
        List<Maintenance> active = facts.activeMaintenance();
        List<Maintenance> upcoming = facts.upcomingMaintenance();
        List<Maintenance> current = all.stream().filter(m -> m.status().isActive() || upcoming.contains(m)).toList();
        var files = new LinkedHashMap<String, byte[]>();
        files.put("/api/v2/summary.json", write(json -> {
            api.page(json);
            api.components(json);
            incidents(json, api, facts.unresolved());
            maintenance(json, api, current);
            api.status(json);
        }));
        files.put("/api/v2/status.json", write(json -> {
            api.page(json);
            api.status(json);
        }));
        files.put("/api/v2/components.json", write(json -> {
            api.page(json);
            api.components(json);
        }));
        files.put("/api/v2/incidents.json", write(json -> {
            api.page(json);
            incidents(json, api, recent);
        }));
        files.put("/api/v2/incidents/unresolved.json", write(json -> {
            api.page(json);
            incidents(json, api, facts.unresolved());
        }));
        files.put("/api/v2/scheduled-maintenances.json", write(json -> {
            api.page(json);
            maintenance(json, api, all);
        }));
        files.put("/api/v2/scheduled-maintenances/upcoming.json", write(json -> {
            api.page(json);
            maintenance(json, api, upcoming);
        }));
        files.put("/api/v2/scheduled-maintenances/active.json", write(json -> {
            api.page(json);
            maintenance(json, api, active);
        }));
        return files;
    }

    private void incidents(JsonGenerator json, ApiObjects api, List<Incident> incidents) throws IOException {
        json.writeArrayFieldStart("incidents");
        for (Incident incident : incidents) {
            json.writeRawValue(incidentObjects.get(new IncidentKey(new RenderCache.Same(incident), api.componentFacts(incident)), key -> object(api, incident)));
        }
        json.writeEndArray();
    }

    /** One incident object as compact JSON text, escaped as every file is; its UTF-8 bytes are kept with it. */
    private SerializedString object(ApiObjects api, Incident incident) {
        var out = new StringWriter(4096);
        try (JsonGenerator json = factory.createGenerator(out)) {
            api.incident(json, incident);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory cannot fail", e);
        }
        return new SerializedString(out.toString());
    }

    private record IncidentKey(RenderCache.Same incident, List<Object> components) {
    }

    private static void maintenance(JsonGenerator json, ApiObjects api, List<Maintenance> list) throws IOException {
        json.writeArrayFieldStart("scheduled_maintenances");
        for (Maintenance m : list) api.maintenance(json, m);
        json.writeEndArray();
    }

    private byte[] write(Body body) {
        var out = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** The fields of one top-level object. */
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }
}
