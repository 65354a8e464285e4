package io.noroshi.storage;

import io.noroshi.account.Operator;
import io.noroshi.account.OperatorStore;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@link OperatorStore} on SQLite or PostgreSQL; emails are stored lower-cased. */
final class JdbiOperatorStore implements OperatorStore {

    private static final RowMapper<Operator> ROW = (rs, ctx) -> new Operator(rs.getString("id"), rs.getString("email"),
            rs.getString("password_hash"), Instant.ofEpochMilli(rs.getLong("created_at")));
    private static final String COLUMNS = "SELECT id, email, password_hash, created_at FROM operators ";

    private final Transactions db;

    JdbiOperatorStore(Transactions db) {
        this.db = db;
    }

    @Override
    public Operator create(String email, String passwordHash, Instant at) {
        var operator = new Operator(db.ids().next(), email.toLowerCase(Locale.ROOT), passwordHash, Instant.ofEpochMilli(at.toEpochMilli()));
        db.write(handle -> handle.createUpdate("INSERT INTO operators (id, email, password_hash, created_at) "
                        + "VALUES (:id, :email, :hash, :at)")
                .bind("id", operator.id()).bind("email", operator.email()).bind("hash", passwordHash)
                .bind("at", at.toEpochMilli()).execute());
        return operator;
    }

    @Override
    public Optional<Operator> find(String id) {
        return db.read(handle -> handle.createQuery(COLUMNS + "WHERE id = :id").bind("id", id).map(ROW).findOne());
    }

    @Override
    public Optional<Operator> findByEmail(String email) {
        return db.read(handle -> handle.createQuery(COLUMNS + "WHERE email = :email")
                .bind("email", email.toLowerCase(Locale.ROOT)).map(ROW).findOne());
    }

    @Override
    public List<Operator> all() {
        return db.read(handle -> handle.createQuery(COLUMNS + "ORDER BY created_at, id").map(ROW).list());
    }

    @Override
    public int count() {
        return db.read(handle -> handle.createQuery("SELECT count(*) FROM operators").mapTo(Integer.class).one());
    }

    @Override
    public void putSetupToken(String tokenHash, Instant at) {
        db.write(handle -> {
            handle.execute("DELETE FROM setup_tokens");
            return handle.createUpdate("INSERT INTO setup_tokens (token_hash, created_at) VALUES (:hash, :at)")
                    .bind("hash", tokenHash).bind("at", at.toEpochMilli()).execute();
        });
    }

    @Override
    public boolean takeSetupToken(String tokenHash) {
        return db.write(handle -> handle.createUpdate("DELETE FROM setup_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash).execute() == 1);
    }

    @Override
    public boolean hasSetupToken() {
        return db.read(handle -> handle.createQuery("SELECT count(*) FROM setup_tokens").mapTo(Integer.class).one() > 0);
    }
}
