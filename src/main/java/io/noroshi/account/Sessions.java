package io.noroshi.account;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Browser sessions: the cookie holds 32 random bytes, the hub only their SHA-256, so a copy of the
 * database logs nobody in. Each session carries its own CSRF token for the forms.
 */
public final class Sessions {

    /** How long a login lasts. */
    public static final Duration LIFETIME = Duration.ofHours(12);
    public static final String COOKIE = "noroshi_session";

    private final SessionStore store;
    private final SecretTokens secrets;
    private final InstantSource clock;

    public Sessions(SessionStore store, SecretTokens secrets, InstantSource clock) {
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A session just opened and the cookie value that reaches it. */
    public record Opened(Session session, String cookieValue) {
        @Override
        public String toString() {
            return "Opened[" + session + "]";
        }
    }

    public Opened open(Operator operator) {
        String cookie = secrets.next("");
        var now = clock.instant();
        store.purgeExpired(now);
        var session = new Session(SecretTokens.sha256(cookie), operator.id(), secrets.next(""), now, now.plus(LIFETIME));
        store.create(session);
        return new Opened(session, cookie);
    }

    /** The live session behind a cookie value, if any. */
    public Optional<Session> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) return Optional.empty();
        return store.find(SecretTokens.sha256(cookieValue), clock.instant());
    }

    public void close(String cookieValue) {
        if (cookieValue != null) store.delete(SecretTokens.sha256(cookieValue));
    }
}
