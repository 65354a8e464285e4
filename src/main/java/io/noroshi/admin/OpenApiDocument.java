package io.noroshi.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3.1 description of the admin API, assembled from the same route table that is registered. */
public final class OpenApiDocument {

    private static final Pattern PARAM = Pattern.compile("\\{([a-z_]+)}");
    private static final Map<String, Object> TEXT = Map.of("oneOf", List.of(Map.of("type", "string", "maxLength", Payload.MAX_TEXT),
            Map.of("type", "object", "additionalProperties", false, "properties",
                    Map.of("en", Map.of("type", "string"), "ja", Map.of("type", "string")))));
    private static final Map<String, Object> CHANGES = Map.of("type", "array", "items", Map.of("type", "object",
            "additionalProperties", false, "required", List.of("id", "status"), "properties", Map.of(
                    "id", Map.of("type", "string"), "status", Map.of("$ref", "#/components/schemas/ComponentStatus"))));

    private OpenApiDocument() {
    }

    public static Map<String, Object> of(List<ApiRoute> routes, String base) {
        var paths = new LinkedHashMap<String, Object>();
        for (ApiRoute route : routes) {
            @SuppressWarnings("unchecked")
            var item = (Map<String, Object>) paths.computeIfAbsent(base + route.path(), k -> new LinkedHashMap<String, Object>());
            item.put(route.method().name().toLowerCase(Locale.ROOT), operation(route));
        }
        var doc = new LinkedHashMap<String, Object>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Noroshi admin API", "version", "1",
                "description", "Run incidents and maintenance. Send 'Authorization: Bearer nrs_...'; scopes: read < incidents < admin. "
                        + "Errors are JSON {error, field, message}; field is the JSON path of the offending value."));
        doc.put("paths", paths);
        doc.put("components", Map.of("securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
                "schemas", schemas()));
        doc.put("security", List.of(Map.of("bearer", List.of())));
        return doc;
    }

    private static Map<String, Object> operation(ApiRoute route) {
        var op = new LinkedHashMap<String, Object>();
        op.put("summary", route.summary());
        op.put("x-noroshi-scope", route.scope().wire());
        Matcher m = PARAM.matcher(route.path());
        var parameters = new java.util.ArrayList<Object>();
        while (m.find()) parameters.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        if (!parameters.isEmpty()) op.put("parameters", parameters);
        if (!route.requestBody().isEmpty()) {
            op.put("requestBody", Map.of("required", true, "content", Map.of("application/json",
                    Map.of("schema", Map.of("$ref", "#/components/schemas/" + route.requestBody())))));
        }
        var responses = new java.util.LinkedHashMap<String, Object>(Map.of(
                String.valueOf(route.status()), Map.of("description", "done", "content", Map.of("application/json", Map.of("schema", Map.of()))),
                "400", error("invalid request; field names the JSON path"), "401", error("no or unknown token"),
                "403", error("token lacks the scope " + route.scope().wire()), "404", error("no such id")));
        if (route.method() != io.javalin.http.HandlerType.GET) {
            responses.put("503", error("not_yet_public: the change is stored, but the public page does not show it yet (writes that change the public page); the hub retries"));
        }
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> error(String description) {
        return Map.of("description", description, "content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
    }

    private static Map<String, Object> schemas() {
        var s = new LinkedHashMap<String, Object>();
        s.put("Text", TEXT);
        s.put("ComponentStatus", Map.of("enum", List.of("operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance")));
        s.put("Error", object(List.of("error", "message"), Map.of("error", str(), "field", str(), "message", str(),
                "current_status", str(), "allowed", Map.of("type", "array", "items", str()))));
        s.put("NewIncident", object(List.of("name", "body"), Map.of("name", ref("Text"), "impact", enumOf("none", "minor", "major", "critical"),
                "status", enumOf("investigating", "identified", "monitoring", "resolved"), "body", ref("Text"),
                "affected_components", CHANGES, "notify", Map.of("type", "boolean", "default", true))));
        s.put("NewUpdate", object(List.of("status", "body"), Map.of("status", enumOf("investigating", "identified", "monitoring", "resolved"),
                "body", ref("Text"), "affected_components", CHANGES, "notify", Map.of("type", "boolean", "default", true),
                "next_update_by", dateTime(), "estimate_at", dateTime(), "estimate_confidence", enumOf("low", "medium", "high", "unknown"),
                "lint_override", Map.of("type", "boolean", "default", false))));
        s.put("LintRequest", object(List.of("body"), Map.of("body", ref("Text"), "status", enumOf("investigating", "identified", "monitoring", "resolved"),
                "incident_id", str(), "impact", enumOf("none", "minor", "major", "critical"), "previous", ref("Text"),
                "next_update_by", dateTime(), "estimate_at", dateTime(), "estimate_confidence", enumOf("low", "medium", "high", "unknown"))));
        s.put("ImpactChange", object(List.of("impact"), Map.of("impact", enumOf("none", "minor", "major", "critical"))));
        s.put("Resolution", object(List.of(), Map.of("body", ref("Text"), "affected_components", CHANGES, "notify", Map.of("type", "boolean"),
                "lint_override", Map.of("type", "boolean", "default", false))));
        s.put("Reopen", object(List.of("reason"), Map.of("reason", ref("Text"), "status", enumOf("investigating", "identified", "monitoring"),
                "affected_components", CHANGES, "notify", Map.of("type", "boolean", "default", true))));
        s.put("Postmortem", object(List.of("body"), Map.of("body", ref("Text"))));
        s.put("NewMaintenance", object(List.of("name", "scheduled_for", "scheduled_until"), Map.of("name", ref("Text"),
                "impact", enumOf("none", "minor", "major", "critical"), "scheduled_for", dateTime(), "scheduled_until", dateTime(),
                "component_ids", Map.of("type", "array", "items", str()), "body", ref("Text"),
                "auto_start", Map.of("type", "boolean"), "auto_complete", Map.of("type", "boolean"))));
        s.put("MaintenanceStep", object(List.of(), Map.of("body", ref("Text"))));
        s.put("Override", object(List.of("status"), Map.of("status", ref("ComponentStatus"))));
        s.put("NewToken", object(List.of("name"), Map.of("name", str(), "scope", enumOf("read", "incidents", "admin"))));
        return s;
    }

    private static Map<String, Object> object(List<String> required, Map<String, Object> properties) {
        return Map.of("type", "object", "additionalProperties", false, "required", required, "properties", properties);
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private static Map<String, Object> str() {
        return Map.of("type", "string");
    }

    private static Map<String, Object> dateTime() {
        return Map.of("type", "string", "format", "date-time");
    }

    private static Map<String, Object> enumOf(String... values) {
        return Map.of("enum", List.of(values));
    }
}
