package io.noroshi.storage;

import io.noroshi.component.ComponentStatus;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads incidents back into records: the incident rows, then all their updates and affected
 * components in two more queries (not one per incident), all on the caller's handle and snapshot.
 *
 * <p>Reads may reuse update lists read before: updates are only ever appended, each append bumps
 * {@code incidents.last_seq} in the same transaction, so an incident whose {@code last_seq} is
 * unchanged has exactly the updates it had. The public site re-reads its recent incidents after every
 * write, and this keeps that to one row per unchanged incident; an incident whose row is unchanged
 * too is handed out as the same instance. Incidents are only remembered from committed data (never
 * inside a write, which may still roll back), so a {@code last_seq} that matches names committed
 * updates, and a write reading its incident before and after its change reuses them too (after an
 * append inside the write the number differs, and the updates are read).
 */
final class IncidentRows {

    private static final String SELECT_INCIDENTS =
            "SELECT id, name, status, impact, created_at, updated_at, postmortem, last_seq FROM incidents ";
    /**
     * Beyond this many remembered incidents the memory is emptied. The site reads about a hundred
     * whole (see {@code KeptInMemory}); old pages and admin searches read others now and then, and
     * those must not pile up: the hub's memory may not grow with its history.
     */
    private static final int MAX_KNOWN = 500;

    private final TextJson texts;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    IncidentRows(TextJson texts) {
        this.texts = texts;
    }

    /** One incident; {@code committed} when the handle is a read, whose incidents may be remembered (see the class comment). */
    Optional<Incident> find(Handle handle, String id, boolean committed) {
        return select(handle, "WHERE id = :id", query -> query.bind("id", id), committed).stream().findFirst();
    }

    /**
     * Incidents matching {@code whereOrderLimit} (SQL after FROM), in the order it gives.
     *
     * @param committed true on a read transaction: what it reads may then be remembered
     */
    List<Incident> select(Handle handle, String whereOrderLimit, Consumer<Query> binds, boolean committed) {
        Query query = handle.createQuery(SELECT_INCIDENTS + whereOrderLimit);
        binds.accept(query);
        // The row as stored: comparing it with the remembered one costs string comparisons, where
        // building the record parses two JSON texts, for each of the hundred incidents of every render.
        List<Header> headers = query.map((rs, ctx) -> new Header(rs.getString("id"), rs.getString("name"),
                rs.getString("status"), rs.getString("impact"), rs.getLong("created_at"), rs.getLong("updated_at"),
                rs.getString("postmortem"), rs.getInt("last_seq"))).list();
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<String, List<IncidentUpdate>> updates = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Header header : headers) {
            Known seen = known.get(header.id());
            if (seen != null && seen.header().lastSeq() == header.lastSeq()) updates.put(header.id(), seen.incident().updates());
            else unknown.add(header.id());
        }
        if (!unknown.isEmpty()) updates.putAll(updates(handle, unknown));
        var incidents = new ArrayList<Incident>(headers.size());
        for (Header header : headers) {
            Known seen = known.get(header.id());
            // The same instance for an unchanged incident: the site's renderer then finds it by identity.
            Incident incident = seen != null && seen.header().equals(header)
                    ? seen.incident() : header.toIncident(texts, updates.getOrDefault(header.id(), List.of()));
            incidents.add(incident);
            if (committed && incident != (seen == null ? null : seen.incident())) remember(header, incident);
        }
        return incidents;
    }

    private void remember(Header header, Incident incident) {
        if (known.size() >= MAX_KNOWN && !known.containsKey(header.id())) known.clear();
        known.put(header.id(), new Known(header, incident));
    }

    private Map<String, List<IncidentUpdate>> updates(Handle handle, List<String> ids) {
        Map<String, List<AffectedComponent>> affected = affected(handle, ids);
        Map<String, List<IncidentUpdate>> updates = new HashMap<>();
        handle.createQuery("SELECT id, incident_id, status, body, created_at FROM incident_updates "
                        + "WHERE incident_id IN (<ids>) ORDER BY incident_id, seq")
                .bindList("ids", ids)
                .map((rs, ctx) -> {
                    String id = rs.getString("id");
                    var update = new IncidentUpdate(id, rs.getString("status"), texts.read(rs.getString("body")),
                            Instant.ofEpochMilli(rs.getLong("created_at")), affected.getOrDefault(id, List.of()));
                    return Map.entry(rs.getString("incident_id"), update);
                })
                .forEach(e -> updates.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return updates;
    }

    private Map<String, List<AffectedComponent>> affected(Handle handle, List<String> incidentIds) {
        Map<String, List<AffectedComponent>> byUpdate = new HashMap<>();
        handle.createQuery("SELECT c.update_id, c.component_id, c.old_status, c.new_status "
                        + "FROM incident_update_components c JOIN incident_updates u ON u.id = c.update_id "
                        + "WHERE u.incident_id IN (<ids>) ORDER BY c.update_id, c.position")
                .bindList("ids", incidentIds)
                .map((rs, ctx) -> Map.entry(rs.getString("update_id"), new AffectedComponent(rs.getString("component_id"),
                        ComponentStatus.fromWire(rs.getString("old_status")),
                        ComponentStatus.fromWire(rs.getString("new_status")))))
                .forEach(e -> byUpdate.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byUpdate;
    }

    /** An incident as last read from committed data, with the row it was built from. */
    private record Known(Header header, Incident incident) {
    }

    /** An incident row as stored (texts as their JSON, times as epoch milliseconds). */
    private record Header(String id, String name, String status, String impact, long createdAt,
                          long updatedAt, String postmortem, int lastSeq) {

        Incident toIncident(TextJson texts, List<IncidentUpdate> updates) {
            // Derived, not stored, so they can never disagree with the updates they summarise.
            var componentIds = new LinkedHashSet<String>();
            updates.forEach(u -> u.affected().forEach(a -> componentIds.add(a.componentId())));
            // The last resolution, and none while open again after a reopen.
            IncidentStatus current = IncidentStatus.fromWire(status);
            Optional<Instant> resolvedAt = !current.isClosed() ? Optional.empty() : updates.reversed().stream()
                    .filter(u -> u.status().equals(IncidentStatus.RESOLVED.wire()))
                    .map(IncidentUpdate::createdAt)
                    .findFirst();
            return new Incident(id, texts.read(name), IncidentStatus.fromWire(status), Impact.fromWire(impact),
                    Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(updatedAt), resolvedAt, updates,
                    List.copyOf(componentIds), texts.read(postmortem));
        }
    }
}
