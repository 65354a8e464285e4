package io.noroshi.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a standby hub needs to answer as the original did, published to every mirror as
 * {@value #FILE}: the rows of the public history (component states, daily uptime, incidents with
 * their updates and affected components, maintenance with its updates), column by column, so a
 * restore writes back the very ids, texts and times. No accounts, tokens or subscribers.
 *
 * @param tables rows by table, in {@link #TABLES} order; each row by column name (numbers, strings, booleans)
 */
public record HistoryExport(Map<String, List<Map<String, Object>>> tables) {

    public static final String FILE = "noroshi-export.json";
    public static final int FORMAT = 1;

    /** Table name and the columns that order its rows; parents before children, so a restore inserts in this order. */
    public static final Map<String, String> TABLES = tableOrder();

    /** Columns stored as BOOLEAN: SQLite hands them back as numbers, the export writes true/false. */
    static final java.util.Set<String> BOOLEANS = java.util.Set.of("overridden", "monitoring_unavailable", "auto_start", "auto_complete");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> tableOrder() {
        var t = new LinkedHashMap<String, String>();
        t.put("component_states", "component_id");
        t.put("daily_uptime", "component_id, day");
        t.put("incidents", "id");
        t.put("incident_updates", "id");
        t.put("incident_update_components", "update_id, position");
        t.put("maintenance", "id");
        t.put("maintenance_components", "maintenance_id, position");
        t.put("maintenance_updates", "id");
        return java.util.Collections.unmodifiableMap(t);
    }

    public int rows() {
        return tables.values().stream().mapToInt(List::size).sum();
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("generator", "noroshi");
        ObjectNode out = root.putObject("tables");
        tables.forEach((table, rows) -> {
            ArrayNode list = out.putArray(table);
            for (Map<String, Object> row : rows) list.add(JSON.valueToTree(row));
        });
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("an export always serialises", e);
        }
    }

    /** @throws MirrorException naming {@code where} and what is wrong */
    public static HistoryExport parse(String where, byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.path("format").asInt() != FORMAT) {
                throw new MirrorException(where + ": " + FILE + " is not a Noroshi export of format " + FORMAT);
            }
            var tables = new LinkedHashMap<String, List<Map<String, Object>>>();
            for (String table : TABLES.keySet()) {
                var rows = new ArrayList<Map<String, Object>>();
                for (JsonNode row : root.path("tables").path(table)) {
                    var map = new LinkedHashMap<String, Object>();
                    row.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
                    rows.add(map);
                }
                tables.put(table, rows);
            }
            return new HistoryExport(tables);
        } catch (IOException e) {
            throw new MirrorException(where + ": " + FILE + " cannot be read: " + e.getMessage());
        }
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) return null;
        if (node.isBoolean()) return node.booleanValue();
        if (node.isIntegralNumber()) return node.longValue();
        return node.asText();
    }
}
