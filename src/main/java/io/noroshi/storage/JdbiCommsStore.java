package io.noroshi.storage;

import io.noroshi.comms.CommsStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link CommsStore} on SQLite or PostgreSQL; times in epoch milliseconds, recipients comma-separated. */
final class JdbiCommsStore implements CommsStore {

    private final Transactions db;

    JdbiCommsStore(Transactions db) {
        this.db = db;
    }

    @Override
    public void recordPromise(Promise p) {
        db.write(h -> h.createUpdate("INSERT INTO comms_promises (incident_id, update_id, posted_at, next_update_by) VALUES (:i, :u, :p, :n)")
                .bind("i", p.incidentId()).bind("u", p.updateId()).bind("p", p.postedAt().toEpochMilli())
                .bind("n", p.nextUpdateBy().map(Instant::toEpochMilli).orElse(null)).execute());
    }

    @Override
    public List<Promise> promises(String incidentId) {
        return db.read(h -> h.createQuery("SELECT p.update_id, p.posted_at, p.next_update_by FROM comms_promises p "
                        + "JOIN incident_updates u ON u.id = p.update_id WHERE p.incident_id = :i ORDER BY u.seq")
                .bind("i", incidentId)
                .map((rs, ctx) -> new Promise(incidentId, rs.getString("update_id"), Instant.ofEpochMilli(rs.getLong("posted_at")),
                        optionalTime(rs.getObject("next_update_by"))))
                .list());
    }

    @Override
    public void recordEstimate(EstimateEvent e) {
        db.write(h -> h.createUpdate("INSERT INTO comms_estimates (incident_id, at, kind, estimate_at, confidence) VALUES (:i, :at, :k, :e, :c) "
                        + "ON CONFLICT (incident_id, at, kind) DO NOTHING")
                .bind("i", e.incidentId()).bind("at", e.at().toEpochMilli()).bind("k", e.kind().wire())
                .bind("e", e.estimateAt().map(Instant::toEpochMilli).orElse(null)).bind("c", e.confidence()).execute());
    }

    @Override
    public List<EstimateEvent> estimates(String incidentId) {
        return db.read(h -> h.createQuery("SELECT at, kind, estimate_at, confidence FROM comms_estimates WHERE incident_id = :i ORDER BY at, kind")
                .bind("i", incidentId)
                .map((rs, ctx) -> new EstimateEvent(incidentId, Instant.ofEpochMilli(rs.getLong("at")),
                        EstimateKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), optionalTime(rs.getObject("estimate_at")),
                        rs.getString("confidence")))
                .list());
    }

    @Override
    public boolean claimReminder(Reminder r) {
        return db.write(h -> h.createUpdate("INSERT INTO comms_reminders (incident_id, kind, due_at, sent_at, recipients, message) "
                        + "VALUES (:i, :k, :d, :s, :r, :m) ON CONFLICT (incident_id, kind, due_at) DO NOTHING")
                .bind("i", r.incidentId()).bind("k", r.kind()).bind("d", r.dueAt().toEpochMilli()).bind("s", r.sentAt().toEpochMilli())
                .bind("r", String.join(",", r.recipients())).bind("m", r.message()).execute()) == 1;
    }

    @Override
    public List<Reminder> reminders(String incidentId) {
        return db.read(h -> h.createQuery("SELECT kind, due_at, sent_at, recipients, message, acked_at FROM comms_reminders WHERE incident_id = :i "
                        + "ORDER BY sent_at, kind").bind("i", incidentId)
                .map((rs, ctx) -> new Reminder(incidentId, rs.getString("kind"), Instant.ofEpochMilli(rs.getLong("due_at")),
                        Instant.ofEpochMilli(rs.getLong("sent_at")),
                        rs.getString("recipients").isEmpty() ? List.of() : Arrays.asList(rs.getString("recipients").split(",")), rs.getString("message"),
                        optionalTime(rs.getObject("acked_at"))))
                .list());
    }

    @Override
    public int acknowledge(String incidentId, Instant at) {
        return db.write(h -> h.createUpdate("UPDATE comms_reminders SET acked_at = :at WHERE incident_id = :i AND acked_at IS NULL")
                .bind("i", incidentId).bind("at", at.toEpochMilli()).execute());
    }

    private static final String DRAFT_COLUMNS = "id, component_id, monitor_id, impact, detected_at, drafted_at, publish_at, state, owner, "
            + "incident_id, published_at, name, body";

    @Override
    public void putDraft(Draft d) {
        db.write(h -> {
            h.createUpdate("DELETE FROM comms_drafts WHERE id = :id").bind("id", d.id()).execute();
            return h.createUpdate("INSERT INTO comms_drafts (" + DRAFT_COLUMNS + ") VALUES (:id, :component, :monitor, :impact, :detected, "
                            + ":drafted, :publishAt, :state, :owner, :incident, :published, :name, :body)")
                    .bind("id", d.id()).bind("component", d.componentId()).bind("monitor", d.monitorId()).bind("impact", d.impact().wire())
                    .bind("detected", d.detectedAt().toEpochMilli()).bind("drafted", d.draftedAt().toEpochMilli())
                    .bind("publishAt", d.publishAt().map(Instant::toEpochMilli).orElse(null)).bind("state", d.state().wire())
                    .bind("owner", d.owner().orElse(null)).bind("incident", d.incidentId().orElse(null))
                    .bind("published", d.publishedAt().map(Instant::toEpochMilli).orElse(null))
                    .bind("name", db.texts().write(d.name())).bind("body", db.texts().write(d.body())).execute();
        });
    }

    @Override
    public Optional<Draft> draft(String id) {
        return db.read(h -> h.createQuery("SELECT " + DRAFT_COLUMNS + " FROM comms_drafts WHERE id = :id").bind("id", id).map(this::draftRow).findOne());
    }

    @Override
    public List<Draft> drafts(java.util.Set<DraftState> states) {
        var wires = states.stream().map(DraftState::wire).toList();
        if (wires.isEmpty()) return List.of();
        return db.read(h -> h.createQuery("SELECT " + DRAFT_COLUMNS + " FROM comms_drafts WHERE state IN (<states>) ORDER BY drafted_at, id")
                .bindList("states", wires).map(this::draftRow).list());
    }

    @Override
    public Optional<Draft> draftOf(String incidentId) {
        return db.read(h -> h.createQuery("SELECT " + DRAFT_COLUMNS + " FROM comms_drafts WHERE incident_id = :i").bind("i", incidentId)
                .map(this::draftRow).findFirst());
    }

    private Draft draftRow(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new Draft(rs.getString("id"), rs.getString("component_id"), rs.getString("monitor_id"),
                io.noroshi.incident.Impact.fromWire(rs.getString("impact")), Instant.ofEpochMilli(rs.getLong("detected_at")),
                Instant.ofEpochMilli(rs.getLong("drafted_at")), optionalTime(rs.getObject("publish_at")),
                DraftState.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), Optional.ofNullable(rs.getString("owner")),
                Optional.ofNullable(rs.getString("incident_id")), optionalTime(rs.getObject("published_at")),
                db.texts().read(rs.getString("name")), db.texts().read(rs.getString("body")));
    }

    @Override
    public void suggest(Suggestion s) {
        db.write(h -> h.createUpdate("INSERT INTO comms_suggestions (incident_id, at, step, message) VALUES (:i, :at, :step, :m) "
                        + "ON CONFLICT (incident_id, at, step) DO NOTHING")
                .bind("i", s.incidentId()).bind("at", s.at().toEpochMilli()).bind("step", s.step()).bind("m", s.message()).execute());
    }

    @Override
    public List<Suggestion> suggestions(String incidentId) {
        return db.read(h -> h.createQuery("SELECT at, step, message FROM comms_suggestions WHERE incident_id = :i ORDER BY at").bind("i", incidentId)
                .map((rs, ctx) -> new Suggestion(incidentId, Instant.ofEpochMilli(rs.getLong("at")), rs.getString("step"), rs.getString("message")))
                .list());
    }

    private static Optional<Instant> optionalTime(Object millis) {
        return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(((Number) millis).longValue()));
    }
}
