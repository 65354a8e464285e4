package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.account.Scope;
import io.noroshi.account.Session;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Operators, tokens, sessions and the audit log behave alike on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class AccountStoresContractTest extends StoreContract {

    AccountStoresContractTest(Engine engine) {
        super(engine);
    }

    @Test
    void operatorsAreFoundByIdAndCaseInsensitiveEmail() {
        var alice = db().operators().create("Alice@Example.com", "$argon2id$x", T0);
        assertThat(alice.email()).isEqualTo("alice@example.com");
        assertThat(db().operators().findByEmail("ALICE@example.COM")).contains(alice);
        assertThat(db().operators().find(alice.id())).contains(alice);
        assertThat(db().operators().count()).isEqualTo(1);
        assertThat(db().operators().all()).containsExactly(alice);
    }

    @Test
    void setupTokenIsTakenOnceOnly() {
        db().operators().putSetupToken("hash-1", T0);
        db().operators().putSetupToken("hash-2", at(1));
        assertThat(db().operators().takeSetupToken("hash-1")).isFalse();
        assertThat(db().operators().hasSetupToken()).isTrue();
        assertThat(db().operators().takeSetupToken("hash-2")).isTrue();
        assertThat(db().operators().takeSetupToken("hash-2")).isFalse();
        assertThat(db().operators().hasSetupToken()).isFalse();
    }

    @Test
    void tokensRoundTripRevokeOnceAndRecordUse() {
        var op = db().operators().create("ops@example.com", "h", T0);
        var token = db().tokens().create(op.id(), "ci", "nrs_abcd", "f".repeat(64), Scope.INCIDENTS, T0);
        assertThat(db().tokens().findByHash("f".repeat(64))).contains(token);
        assertThat(token.lastUsedAt()).isEmpty();
        db().tokens().touch(token.id(), at(5));
        assertThat(db().tokens().find(token.id()).orElseThrow().lastUsedAt()).contains(at(5));
        assertThat(db().tokens().revoke(token.id(), at(10))).isTrue();
        assertThat(db().tokens().revoke(token.id(), at(11))).isFalse();
        assertThat(db().tokens().find(token.id()).orElseThrow().revokedAt()).contains(at(10));
        assertThat(db().tokens().all()).hasSize(1);
    }

    @Test
    void sessionsExpireAndArePurged() {
        var op = db().operators().create("ops@example.com", "h", T0);
        var session = new Session("a".repeat(64), op.id(), "csrf", T0, at(60));
        db().sessions().create(session);
        assertThat(db().sessions().find("a".repeat(64), at(59))).contains(session);
        assertThat(db().sessions().find("a".repeat(64), at(60))).isEmpty();
        assertThat(db().sessions().purgeExpired(at(61))).isEqualTo(1);
        db().sessions().create(new Session("b".repeat(64), op.id(), "csrf", T0, at(60)));
        db().sessions().delete("b".repeat(64));
        assertThat(db().sessions().find("b".repeat(64), T0)).isEmpty();
    }

    @Test
    void concurrentAuditAppendsGetGapFreeSequenceNumbers() throws Exception {
        int writers = 6, each = 10;
        try (var pool = Executors.newFixedThreadPool(writers)) {
            var futures = new ArrayList<Future<?>>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) db().auditLog().append(at(i), "w" + writer, "test.append", "t/" + writer, "null", "{}");
                }));
            }
            for (var f : futures) f.get();
        }
        var all = db().auditLog().recent("", 1000);
        assertThat(all).hasSize(writers * each);
        assertThat(all).extracting(e -> e.seq()).isSortedAccordingTo((a, b) -> Long.compare(b, a)).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.rangeClosed(1, writers * each).boxed().toList());
        assertThat(db().auditLog().recent("t/3", 1000)).hasSize(each).allSatisfy(e -> assertThat(e.actor()).isEqualTo("w3"));
    }

    @Test
    void auditLogPagesBackwardsFromACursorWithoutGapsOrRepeats() {
        for (int i = 0; i < 25; i++) db().auditLog().append(at(i), "actor", "test.page", i % 2 == 0 ? "t/even" : "t/odd", "null", "{}");

        var first = db().auditLog().before("", Long.MAX_VALUE, 10);
        var second = db().auditLog().before("", first.getLast().seq(), 10);
        var third = db().auditLog().before("", second.getLast().seq(), 10);
        var evens = db().auditLog().before("t/even", db().auditLog().recent("t/even", 3).getLast().seq(), 100);

        var all = new java.util.ArrayList<>(first);
        all.addAll(second);
        all.addAll(third);
        assertThat(all).isEqualTo(db().auditLog().recent("", 100));
        assertThat(third).hasSize(5);
        assertThat(evens).hasSize(13 - 3).allSatisfy(e -> assertThat(e.target()).isEqualTo("t/even"));
    }
}
