package io.noroshi.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.probe.FakeClock;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensTest {

    @TempDir
    Path dir;

    /** The real store, counting the last-used writes it is asked for. */
    private record CountingTokens(TokenStore real, AtomicInteger touches) implements TokenStore {
        @Override
        public ApiToken create(String operatorId, String name, String prefix, String tokenHash, Scope scope, Instant at) {
            return real.create(operatorId, name, prefix, tokenHash, scope, at);
        }

        @Override
        public Optional<ApiToken> findByHash(String tokenHash) {
            return real.findByHash(tokenHash);
        }

        @Override
        public Optional<ApiToken> find(String id) {
            return real.find(id);
        }

        @Override
        public List<ApiToken> all() {
            return real.all();
        }

        @Override
        public boolean revoke(String id, Instant at) {
            return real.revoke(id, at);
        }

        @Override
        public void touch(String id, Instant at) {
            touches.incrementAndGet();
            real.touch(id, at);
        }
    }

    @Test
    void lastUsedIsWrittenAtMostOncePerMinuteOfRequests() {
        try (Database db = Database.open(DatabaseSettings.Sqlite.inDataDir(dir))) {
            var clock = new FakeClock(Instant.parse("2026-11-30T00:00:00Z"));
            var touches = new AtomicInteger();
            var tokens = new ApiTokens(new CountingTokens(db.tokens(), touches), db.operators(), new SecretTokens(), clock);
            var operator = db.operators().create("op@example.com", "not-a-real-hash", clock.instant());
            String secret = tokens.issue(operator.id(), "script", Scope.INCIDENTS).secret();

            tokens.authenticate(secret);
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofSeconds(10));
                tokens.authenticate(secret);
            }
            assertThat(touches).hasValue(1);
            assertThat(db.tokens().all().getFirst().lastUsedAt()).contains(Instant.parse("2026-11-30T00:00:00Z"));

            clock.advance(Duration.ofSeconds(11)); // 61 s after the stored time
            tokens.authenticate(secret);
            assertThat(touches).hasValue(2);
            assertThat(db.tokens().all().getFirst().lastUsedAt()).contains(Instant.parse("2026-11-30T00:01:01Z"));
        }
    }
}
