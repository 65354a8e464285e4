package io.noroshi.subscriber;

import io.noroshi.storage.Database;
import io.noroshi.storage.RandomIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/** {@link SubscriberStore} in the hub's database (table {@code notify_subscribers}, migration V43). */
public final class JdbiSubscriberStore implements SubscriberStore {

    private static final int PAGE = 1000;
    private static final String COLUMNS = "id, kind, address, lang, components, state, generation, created_at, confirmed_at";

    private final Database database;
    private final RandomIds ids = new RandomIds();

    public JdbiSubscriberStore(Database database) {
        this.database = database;
    }

    @Override
    public Subscriber add(Subscriber.Kind kind, String address, String lang, List<String> components, Subscriber.State state, Instant now) {
        return database.write(h -> {
            Optional<Subscriber> existing = byAddress(h, kind, address);
            if (existing.isPresent()) {
                Subscriber s = existing.get();
                if (s.state() == Subscriber.State.PENDING) {
                    h.createUpdate("UPDATE notify_subscribers SET lang = :lang, components = :components, state = :state,"
                                    + " confirmed_at = :confirmed WHERE id = :id")
                            .bind("lang", lang).bind("components", scope(components)).bind("state", state.wire())
                            .bind("confirmed", state == Subscriber.State.CONFIRMED ? now.toEpochMilli() : null).bind("id", s.id()).execute();
                    return find(h, s.id()).orElseThrow();
                }
                return s;
            }
            String id = ids.next();
            h.createUpdate("INSERT INTO notify_subscribers (" + COLUMNS + ") VALUES (:id, :kind, :address, :lang, :components, :state, 1, :at,"
                            + " :confirmed)")
                    .bind("id", id).bind("kind", kind.wire()).bind("address", address).bind("lang", lang).bind("components", scope(components))
                    .bind("state", state.wire()).bind("at", now.toEpochMilli())
                    .bind("confirmed", state == Subscriber.State.CONFIRMED ? now.toEpochMilli() : null).execute();
            return find(h, id).orElseThrow();
        });
    }

    @Override
    public Optional<Subscriber> find(String id) {
        return database.read(h -> find(h, id));
    }

    private static Optional<Subscriber> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM notify_subscribers WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    @Override
    public Optional<Subscriber> byAddress(Subscriber.Kind kind, String address) {
        return database.read(h -> byAddress(h, kind, address));
    }

    private static Optional<Subscriber> byAddress(Handle h, Subscriber.Kind kind, String address) {
        return h.createQuery("SELECT " + COLUMNS + " FROM notify_subscribers WHERE kind = :kind AND address = :address")
                .bind("kind", kind.wire()).bind("address", address).map((rs, ctx) -> row(rs)).findOne();
    }

    @Override
    public boolean confirm(String id, Instant now) {
        return database.write(h -> h.createUpdate("UPDATE notify_subscribers SET state = 'confirmed', confirmed_at = :at WHERE id = :id"
                        + " AND state = 'pending'").bind("at", now.toEpochMilli()).bind("id", id).execute() > 0
                || find(h, id).isPresent());
    }

    @Override
    public boolean update(String id, String lang, List<String> components) {
        return database.write(h -> h.createUpdate("UPDATE notify_subscribers SET lang = :lang, components = :components WHERE id = :id")
                .bind("lang", lang).bind("components", scope(components)).bind("id", id).execute() > 0);
    }

    @Override
    public boolean remove(String id) {
        return database.write(h -> h.createUpdate("DELETE FROM notify_subscribers WHERE id = :id").bind("id", id).execute() > 0);
    }

    @Override
    public List<Subscriber> list(String query, int offset, int limit) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM notify_subscribers"
                        + (needle.isEmpty() ? "" : " WHERE address LIKE :q ESCAPE '!'") + " ORDER BY address LIMIT :limit OFFSET :offset")
                .bind("q", "%" + needle.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .bind("limit", limit).bind("offset", offset).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public long count() {
        return database.read(h -> h.createQuery("SELECT COUNT(*) FROM notify_subscribers").mapTo(Long.class).one());
    }

    @Override
    public void each(Consumer<Subscriber> each) {
        String after = "";
        while (true) {
            String from = after;
            List<Subscriber> page = database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM notify_subscribers WHERE id > :after"
                    + " ORDER BY id LIMIT :limit").bind("after", from).bind("limit", PAGE).map((rs, ctx) -> row(rs)).list());
            page.forEach(each);
            if (page.size() < PAGE) return;
            after = page.getLast().id();
        }
    }

    static String scope(List<String> components) {
        return components.isEmpty() ? "" : "," + String.join(",", components) + ",";
    }

    private static Subscriber row(ResultSet rs) throws SQLException {
        String components = rs.getString("components");
        long confirmed = rs.getLong("confirmed_at");
        Optional<Instant> confirmedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(confirmed));
        return new Subscriber(rs.getString("id"), Subscriber.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("address"),
                rs.getString("lang"), components.isEmpty() ? List.of() : Arrays.stream(components.split(",")).filter(c -> !c.isEmpty()).toList(),
                Subscriber.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getInt("generation"),
                Instant.ofEpochMilli(rs.getLong("created_at")), confirmedAt);
    }
}
