package io.noroshi.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.audit.AuditFindingStore;
import io.noroshi.audit.AuditRule;
import io.noroshi.audit.AuditRun;
import io.noroshi.audit.Finding;
import io.noroshi.audit.Severity;
import io.noroshi.audit.TrackedFinding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** {@link AuditFindingStore} on SQLite or PostgreSQL; times in epoch milliseconds, evidence as a JSON array. */
final class JdbiAuditFindingStore implements AuditFindingStore {

    private static final TypeReference<List<String>> LINES = new TypeReference<>() {
    };
    private static final String COLUMNS = "domain, rule, severity, message, evidence, first_seen, last_seen, resolved_at";

    private final Transactions db;
    private final ObjectMapper json = new ObjectMapper();

    JdbiAuditFindingStore(Transactions db) {
        this.db = db;
    }

    @Override
    public List<TrackedFinding> recordRun(String domain, Instant at, List<Finding> findings) {
        long now = at.toEpochMilli();
        Map<String, Finding> seen = new LinkedHashMap<>();
        for (Finding finding : findings) seen.putIfAbsent(identity(finding), finding);
        return db.write(handle -> {
            Map<String, Boolean> stored = new LinkedHashMap<>(); // identity -> open
            handle.createQuery("SELECT identity, resolved_at FROM audit_findings WHERE domain = :domain").bind("domain", domain)
                    .map((rs, ctx) -> Map.entry(rs.getString("identity"), rs.getObject("resolved_at") == null))
                    .forEach(e -> stored.put(e.getKey(), e.getValue()));
            var raised = new ArrayList<TrackedFinding>();
            for (var entry : seen.entrySet()) {
                Boolean open = stored.get(entry.getKey());
                Finding finding = entry.getValue();
                if (open == null) {
                    handle.createUpdate("INSERT INTO audit_findings (domain, identity, rule, severity, message, evidence, first_seen, "
                                    + "last_seen) VALUES (:domain, :identity, :rule, :severity, :message, :evidence, :now, :now)")
                            .bind("domain", domain).bind("identity", entry.getKey()).bind("rule", finding.rule().id())
                            .bind("severity", finding.severity().id()).bind("message", finding.message())
                            .bind("evidence", evidence(finding.evidence())).bind("now", now).execute();
                } else {
                    // an open finding keeps its first_seen; a resolved one that came back is raised afresh
                    handle.createUpdate("UPDATE audit_findings SET message = :message, last_seen = :now"
                                    + (open ? "" : ", first_seen = :now, resolved_at = NULL") + " WHERE domain = :domain AND identity = :identity")
                            .bind("message", finding.message()).bind("now", now).bind("domain", domain).bind("identity", entry.getKey()).execute();
                }
                if (open == null || !open) raised.add(new TrackedFinding(domain, finding, at, at, Optional.empty()));
            }
            for (var entry : stored.entrySet()) {
                if (entry.getValue() && !seen.containsKey(entry.getKey())) {
                    handle.createUpdate("UPDATE audit_findings SET resolved_at = :now WHERE domain = :domain AND identity = :identity")
                            .bind("now", now).bind("domain", domain).bind("identity", entry.getKey()).execute();
                }
            }
            upsertRun(handle, domain, now, null);
            return List.copyOf(raised);
        });
    }

    @Override
    public void recordFailure(String domain, Instant at, String error) {
        db.write(handle -> {
            upsertRun(handle, domain, at.toEpochMilli(), error == null || error.isBlank() ? "failed without a message" : error);
            return null;
        });
    }

    private static void upsertRun(Handle handle, String domain, long now, String error) {
        handle.createUpdate("INSERT INTO audit_runs (domain, ran_at, error, succeeded_at) VALUES (:domain, :now, :error, :succeeded) "
                        + "ON CONFLICT (domain) DO UPDATE SET ran_at = excluded.ran_at, error = excluded.error, "
                        + "succeeded_at = COALESCE(excluded.succeeded_at, audit_runs.succeeded_at)")
                .bind("domain", domain).bind("now", now).bind("error", error).bind("succeeded", error == null ? (Long) now : null).execute();
    }

    @Override
    public List<TrackedFinding> findings(String domain) {
        List<TrackedFinding> all = db.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM audit_findings WHERE domain = :domain")
                .bind("domain", domain).map((rs, ctx) -> tracked(rs)).list())
                .stream().flatMap(Optional::stream).toList();
        Comparator<TrackedFinding> order = Comparator.comparing((TrackedFinding f) -> !f.open())
                .thenComparing(f -> f.open() ? f.finding().severity().ordinal() : 0)
                .thenComparing(f -> f.resolvedAt().orElse(Instant.EPOCH), Comparator.reverseOrder())
                .thenComparing(f -> f.finding().rule().id());
        return all.stream().sorted(order).toList();
    }

    @Override
    public Optional<AuditRun> lastRun(String domain) {
        return db.read(handle -> handle.createQuery("SELECT domain, ran_at, error, succeeded_at FROM audit_runs WHERE domain = :domain")
                .bind("domain", domain)
                .map((rs, ctx) -> new AuditRun(rs.getString("domain"), Instant.ofEpochMilli(rs.getLong("ran_at")),
                        Optional.ofNullable(rs.getString("error")), optionalTime(rs, "succeeded_at")))
                .findOne());
    }

    /** Empty for a row whose rule this version no longer knows: it cannot be shown with a reference. */
    private Optional<TrackedFinding> tracked(ResultSet rs) throws SQLException {
        Optional<AuditRule> rule = AuditRule.byId(rs.getString("rule"));
        if (rule.isEmpty()) return Optional.empty();
        var finding = new Finding(rule.get(), Severity.valueOf(rs.getString("severity").toUpperCase(Locale.ROOT)), rs.getString("message"),
                lines(rs.getString("evidence")));
        return Optional.of(new TrackedFinding(rs.getString("domain"), finding, Instant.ofEpochMilli(rs.getLong("first_seen")),
                Instant.ofEpochMilli(rs.getLong("last_seen")), optionalTime(rs, "resolved_at")));
    }

    private static Optional<Instant> optionalTime(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private String evidence(List<String> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    private List<String> lines(String text) {
        try {
            return json.readValue(text, LINES);
        } catch (JsonProcessingException e) {
            throw new DatabaseException("audit_findings.evidence is not a JSON array: " + e.getOriginalMessage(), e);
        }
    }

    static String identity(Finding finding) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(finding.identity().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
