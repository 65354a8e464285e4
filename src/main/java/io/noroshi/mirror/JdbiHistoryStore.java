package io.noroshi.mirror;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** {@link HistoryStore} on the hub's database (SQLite or PostgreSQL). */
public final class JdbiHistoryStore implements HistoryStore {

    private final Jdbi jdbi;

    public JdbiHistoryStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public HistoryExport read() {
        return jdbi.inTransaction(handle -> {
            var tables = new LinkedHashMap<String, List<Map<String, Object>>>();
            HistoryExport.TABLES.forEach((table, order) -> {
                var rows = new ArrayList<Map<String, Object>>();
                for (Map<String, Object> row : handle.createQuery("SELECT * FROM " + table + " ORDER BY " + order).mapToMap().list()) {
                    var clean = new LinkedHashMap<String, Object>();
                    row.forEach((column, value) -> clean.put(column.toLowerCase(java.util.Locale.ROOT), normal(column, value)));
                    rows.add(clean);
                }
                tables.put(table, rows);
            });
            return new HistoryExport(tables);
        });
    }

    private static Object normal(String column, Object value) {
        if (HistoryExport.BOOLEANS.contains(column.toLowerCase(java.util.Locale.ROOT)) && value instanceof Number n) return n.intValue() != 0;
        if (value instanceof Integer i) return i.longValue();
        return value;
    }

    @Override
    public void restore(HistoryExport export) {
        jdbi.useTransaction(handle -> {
            for (String table : List.of("incidents", "maintenance", "component_states", "daily_uptime")) {
                long rows = handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
                if (rows > 0) {
                    throw new MirrorException("the database already holds " + rows + " row(s) in " + table
                            + ": restore into a new, empty data directory or database");
                }
            }
            export.tables().forEach((table, rows) -> {
                if (!HistoryExport.TABLES.containsKey(table)) throw new MirrorException("unknown table in export: " + table);
                for (Map<String, Object> row : rows) {
                    var columns = new ArrayList<>(row.keySet());
                    for (String c : columns) {
                        if (!c.matches("[a-z_]{1,40}")) throw new MirrorException("export names a column that cannot be one: " + c);
                    }
                    String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                            + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ")";
                    var update = handle.createUpdate(sql);
                    row.forEach(update::bind);
                    update.execute();
                }
            });
        });
    }
}
