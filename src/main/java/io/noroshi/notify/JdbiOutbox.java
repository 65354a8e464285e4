package io.noroshi.notify;

import io.noroshi.storage.Database;
import io.noroshi.storage.Engine;
import io.noroshi.storage.RandomIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@link Outbox} in the hub's database (SQLite or PostgreSQL), tables of migration V43. */
public final class JdbiOutbox implements Outbox {

    private final Database database;
    private final java.time.InstantSource clock;
    private final RandomIds ids = new RandomIds();

    /** @param clock when rows are due: now, whatever time the announcement carries (a verdict may be stamped ahead) */
    public JdbiOutbox(Database database, java.time.InstantSource clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public String enqueue(Announcement a, Audience audience) {
        String id = ids.next();
        long now = clock.millis();
        database.write(h -> {
            h.createUpdate("INSERT INTO notify_notices (id, event, target, created_at, content) VALUES (:id, :event, :target, :at, :content)")
                    .bind("id", id).bind("event", a.event().name()).bind("target", a.target()).bind("at", now).bind("content", a.toJson())
                    .execute();
            audience.emailChannel().ifPresent(channel -> fanOut(h, id, channel, "email", a.components(), now));
            if (audience.webhooks()) fanOut(h, id, SUBSCRIBER_WEBHOOKS, "webhook", a.components(), now);
            audience.subscriber().ifPresent(sub -> h.createUpdate("INSERT INTO notify_deliveries (notice_id, channel, subscriber_id, lang,"
                            + " state, attempts, due_at) SELECT :notice, :channel, id, lang, 'pending', 0, :now FROM notify_subscribers WHERE id = :id")
                    .bind("notice", id).bind("channel", sub.channel()).bind("id", sub.id()).bind("now", now).execute());
            for (Destination d : audience.destinations()) {
                h.createUpdate("INSERT INTO notify_deliveries (notice_id, channel, subscriber_id, lang, state, attempts, due_at)"
                                + " VALUES (:notice, :channel, '', :lang, 'pending', 0, :now)")
                        .bind("notice", id).bind("channel", d.channel()).bind("lang", d.lang()).bind("now", now).execute();
            }
            return null;
        });
        return id;
    }

    /** One statement for every subscriber of a kind: the database copies the rows, the JVM holds none of them. */
    private static void fanOut(Handle h, String notice, String channel, String kind, List<String> components, long now) {
        var sql = new StringBuilder("INSERT INTO notify_deliveries (notice_id, channel, subscriber_id, lang, state, attempts, due_at)"
                + " SELECT :notice, :channel, id, lang, 'pending', 0, :now FROM notify_subscribers WHERE kind = :kind AND state = 'confirmed'");
        if (!components.isEmpty()) {
            sql.append(" AND (components = ''");
            for (int i = 0; i < components.size(); i++) sql.append(" OR components LIKE :c").append(i).append(" ESCAPE '!'");
            sql.append(")");
        }
        var update = h.createUpdate(sql.toString()).bind("notice", notice).bind("channel", channel).bind("now", now).bind("kind", kind);
        for (int i = 0; i < components.size(); i++) {
            update.bind("c" + i, "%," + components.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_") + ",%");
        }
        update.execute();
    }

    @Override
    public List<Claimed> claim(String channel, String claimId, int limit, Instant now, Duration lease) {
        long at = now.toEpochMilli();
        String lock = database.engine() == Engine.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        return database.write(h -> {
            // due_at moves to the lease's end with it: a claim's rows leave the head of the pending index, so the next
            // claim does not walk past (and look up) every row still in flight, and they fall due again if the lease ends.
            int claimed = h.createUpdate("UPDATE notify_deliveries SET lease_owner = :claim, lease_until = :until, due_at = :until,"
                            + " attempts = attempts + 1"
                            + " WHERE (notice_id, channel, subscriber_id) IN (SELECT notice_id, channel, subscriber_id FROM notify_deliveries"
                            + " WHERE state = 'pending' AND channel = :channel AND due_at <= :now AND (lease_until IS NULL OR lease_until < :now)"
                            + " ORDER BY due_at LIMIT :limit" + lock + ")")
                    .bind("claim", claimId).bind("until", at + lease.toMillis()).bind("channel", channel).bind("now", at).bind("limit", limit)
                    .execute();
            if (claimed == 0) return List.of();
            return h.createQuery("SELECT d.notice_id, d.channel, d.subscriber_id, d.lang, d.attempts, s.address, s.generation, s.state, n.event"
                            + " FROM notify_deliveries d JOIN notify_notices n ON n.id = d.notice_id"
                            + " LEFT JOIN notify_subscribers s ON s.id = d.subscriber_id WHERE d.lease_owner = :claim")
                    .bind("claim", claimId)
                    .map((rs, ctx) -> {
                        String subscriber = rs.getString("subscriber_id");
                        String address = rs.getString("address");
                        int generation = rs.getInt("generation");
                        boolean confirming = Notice.Event.SUBSCRIPTION_CONFIRM.name().equals(rs.getString("event"));
                        boolean gone = !subscriber.isEmpty() && (address == null || !(confirming || "confirmed".equals(rs.getString("state"))));
                        return new Claimed(rs.getString("notice_id"), rs.getString("channel"), subscriber, rs.getString("lang"),
                                rs.getInt("attempts"), Optional.ofNullable(address), address == null ? Optional.empty() : Optional.of(generation), gone);
                    }).list();
        });
    }

    @Override
    public void finish(String claimId, List<Outcome> outcomes, boolean lastOfClaim) {
        if (outcomes.isEmpty()) return;
        database.write(h -> {
            var sent = h.prepareBatch("UPDATE notify_deliveries SET state = 'sent', sent_at = :at, lease_owner = NULL, lease_until = NULL,"
                    + " last_error = NULL WHERE notice_id = :n AND channel = :c AND subscriber_id = :s AND lease_owner = :claim");
            var retry = h.prepareBatch("UPDATE notify_deliveries SET due_at = :due, lease_owner = NULL, lease_until = NULL, last_error = :error"
                    + " WHERE notice_id = :n AND channel = :c AND subscriber_id = :s AND lease_owner = :claim");
            var dead = h.prepareBatch("UPDATE notify_deliveries SET state = 'dead', lease_owner = NULL, lease_until = NULL, last_error = :error"
                    + " WHERE notice_id = :n AND channel = :c AND subscriber_id = :s AND lease_owner = :claim");
            int sentCount = 0;
            int retryCount = 0;
            int deadCount = 0;
            long lastSent = 0;
            for (Outcome o : outcomes) {
                Claimed d = o.delivery();
                switch (o) {
                    case Outcome.Sent s -> {
                        lastSent = Math.max(lastSent, s.at().toEpochMilli());
                        if (!lastOfClaim) key(sent.bind("at", s.at().toEpochMilli()), d, claimId).add();
                        sentCount++;
                    }
                    case Outcome.Retry r -> {
                        retry.bind("due", r.due().toEpochMilli()).bind("error", trim(r.error()));
                        key(retry, d, claimId).add();
                        retryCount++;
                    }
                    case Outcome.Dead x -> {
                        dead.bind("error", trim(x.error()));
                        key(dead, d, claimId).add();
                        deadCount++;
                    }
                }
            }
            if (retryCount > 0) retry.execute();
            if (deadCount > 0) dead.execute();
            if (sentCount > 0 && lastOfClaim) {
                // Every other row of the claim is stored already, so what it still holds is what was sent: one statement,
                // not one per message (sent_at is then the claim's last send, at most a few seconds after each).
                h.createUpdate("UPDATE notify_deliveries SET state = 'sent', sent_at = :at, lease_owner = NULL, lease_until = NULL,"
                        + " last_error = NULL WHERE lease_owner = :claim").bind("at", lastSent).bind("claim", claimId).execute();
            } else if (sentCount > 0) {
                sent.execute();
            }
            return null;
        });
    }

    private static org.jdbi.v3.core.statement.PreparedBatch key(org.jdbi.v3.core.statement.PreparedBatch batch, Claimed d, String claim) {
        return batch.bind("n", d.noticeId()).bind("c", d.channel()).bind("s", d.subscriberId()).bind("claim", claim);
    }

    private static String trim(String error) {
        String e = error == null ? "" : error;
        return e.length() > 900 ? e.substring(0, 900) + "…" : e;
    }

    @Override
    public int releaseAllClaims() {
        return database.write(h -> h.createUpdate("UPDATE notify_deliveries SET lease_owner = NULL, lease_until = NULL,"
                + " due_at = CASE WHEN due_at > :now THEN :now ELSE due_at END"
                + " WHERE state = 'pending' AND lease_owner IS NOT NULL").bind("now", clock.millis()).execute());
    }

    @Override
    public Announcement notice(String noticeId) {
        return database.read(h -> h.createQuery("SELECT content FROM notify_notices WHERE id = :id").bind("id", noticeId)
                .mapTo(String.class).findOne().map(Announcement::fromJson)
                .orElseThrow(() -> new IllegalStateException("notice " + noticeId + " is missing")));
    }

    @Override
    public Depth depth() {
        return database.read(h -> h.createQuery("SELECT COUNT(*) AS n, MIN(due_at) AS oldest FROM notify_deliveries WHERE state = 'pending'")
                .map((rs, ctx) -> {
                    long oldest = rs.getLong("oldest");
                    return new Depth(rs.getLong("n"), rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest)));
                }).one());
    }

    @Override
    public List<NoticeLog> recent(int limit) {
        return database.read(h -> {
            var notices = h.createQuery("SELECT id, event, target, created_at FROM notify_notices ORDER BY created_at DESC, id LIMIT :limit")
                    .bind("limit", limit)
                    .map((rs, ctx) -> new String[] {rs.getString("id"), rs.getString("event"), rs.getString("target"),
                            Long.toString(rs.getLong("created_at"))}).list();
            var out = new ArrayList<NoticeLog>();
            for (String[] n : notices) {
                var channels = counts(h, "d.notice_id = :key", n[0]);
                out.add(new NoticeLog(n[0], n[1], n[2], Instant.ofEpochMilli(Long.parseLong(n[3])), channels));
            }
            return out;
        });
    }

    @Override
    public List<ChannelCounts> deliveries(String target) {
        return database.read(h -> counts(h, "d.notice_id IN (SELECT id FROM notify_notices WHERE target = :key)", target));
    }

    /** Delivery counts per channel of the deliveries {@code where} picks ({@code :key} bound to {@code key}). */
    private static List<ChannelCounts> counts(Handle h, String where, String key) {
        String failed = "CASE WHEN d.attempts > 0 AND d.state = 'pending' AND d.last_error IS NOT NULL THEN 1 ELSE 0 END";
        var counts = new LinkedHashMap<String, long[]>();
        h.createQuery("SELECT d.channel, d.state, " + failed + " AS failed, COUNT(*) AS n FROM notify_deliveries d WHERE " + where
                        + " GROUP BY d.channel, d.state, " + failed + " ORDER BY d.channel")
                .bind("key", key)
                .map((rs, ctx) -> {
                    long[] c = counts.computeIfAbsent(rs.getString("channel"), k -> new long[4]);
                    long count = rs.getLong("n");
                    switch (rs.getString("state")) {
                        case "sent" -> c[0] += count;
                        case "pending" -> c[rs.getInt("failed") == 1 ? 2 : 1] += count;
                        default -> c[3] += count;
                    }
                    return 0;
                }).list();
        var channels = new ArrayList<ChannelCounts>();
        for (var e : counts.entrySet()) {
            Optional<String> lastError = h.createQuery("SELECT d.last_error FROM notify_deliveries d WHERE " + where + " AND d.channel = :c"
                            + " AND d.last_error IS NOT NULL ORDER BY d.due_at DESC LIMIT 1")
                    .bind("key", key).bind("c", e.getKey()).mapTo(String.class).findOne();
            long[] c = e.getValue();
            channels.add(new ChannelCounts(e.getKey(), c[0], c[1], c[2], c[3], lastError));
        }
        return channels;
    }
}
