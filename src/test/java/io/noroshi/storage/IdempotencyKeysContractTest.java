package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.retry.IdempotencyKeys.StoredAnswer;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class IdempotencyKeysContractTest extends StoreContract {

    private static final Instant FIRST = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant DAY_LATER = FIRST.plusSeconds(86_400 + 60);

    IdempotencyKeysContractTest(Engine engine) {
        super(engine);
    }

    @Test
    void aLiveKeyIsNotStoredTwiceAndKeepsItsFirstRequest() {
        var keys = db().idempotencyKeys();
        assertThat(keys.store("op/cli", "k1", new StoredAnswer("hash-a", StoredAnswer.PENDING, "", FIRST), FIRST.minusSeconds(86_400))).isTrue();

        boolean again = keys.store("op/cli", "k1", new StoredAnswer("hash-b", StoredAnswer.PENDING, "", FIRST.plusSeconds(5)),
                FIRST.plusSeconds(5).minusSeconds(86_400));

        assertThat(again).isFalse();
        assertThat(keys.find("op/cli", "k1")).contains(new StoredAnswer("hash-a", StoredAnswer.PENDING, "", FIRST));
    }

    @Test
    void anExpiredKeyIsReplacedByTheNewRequest() {
        var keys = db().idempotencyKeys();
        keys.store("op/cli", "k1", new StoredAnswer("hash-a", StoredAnswer.PENDING, "", FIRST), FIRST.minusSeconds(86_400));
        keys.answer("op/cli", "k1", 201, "{\"id\":\"first\"}");

        boolean replaced = keys.store("op/cli", "k1", new StoredAnswer("hash-b", StoredAnswer.PENDING, "", DAY_LATER),
                DAY_LATER.minusSeconds(86_400));

        assertThat(replaced).isTrue();
        assertThat(keys.find("op/cli", "k1")).contains(new StoredAnswer("hash-b", StoredAnswer.PENDING, "", DAY_LATER));
    }

    @Test
    void keysAreTheCallersOwnAndTheAnswerIsFilledIn() {
        var keys = db().idempotencyKeys();
        keys.store("op/cli", "k1", new StoredAnswer("hash-a", StoredAnswer.PENDING, "", FIRST), FIRST.minusSeconds(86_400));

        assertThat(keys.store("other/web", "k1", new StoredAnswer("hash-c", StoredAnswer.PENDING, "", FIRST), FIRST.minusSeconds(86_400))).isTrue();
        keys.answer("op/cli", "k1", 201, "{\"id\":\"first\"}");

        assertThat(keys.find("op/cli", "k1")).contains(new StoredAnswer("hash-a", 201, "{\"id\":\"first\"}", FIRST));
        assertThat(keys.find("other/web", "k1").orElseThrow().answered()).isFalse();
        assertThat(keys.purge(FIRST.plusSeconds(1))).isEqualTo(2);
        assertThat(keys.find("op/cli", "k1")).isEmpty();
    }
}
