package io.noroshi.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.notify.Notice;
import io.noroshi.notify.channel.Channel;
import io.noroshi.notify.channel.DeliveryException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A batch pipelined over one SMTP session keeps each message's outcome exact: a refused recipient or a refused
 * message fails only that delivery, a session the relay ends goes on in a fresh one, a relay that dies hands the
 * rest to the fallback, and no message reaches a relay twice.
 */
class EmailBatchTest {

    private final List<ScriptedRelay> relays = new ArrayList<>();
    private EmailChannel channel;

    @AfterEach
    void close() throws Exception {
        if (channel != null) channel.close();
        for (ScriptedRelay r : relays) r.close();
    }

    @Test
    void aRefusedRecipientOrMessageInTheMiddleFailsOnlyThatDeliveryAndTheNextEnvelopeRidesBehindEachDot() throws Exception {
        var relay = relay();
        relay.refuseRecipient.put("user3@example.com", "550 5.1.1 <user3@example.com>: no such user");
        relay.refuseRecipient.put("user5@example.com", "450 4.2.1 <user5@example.com>: mailbox busy");
        relay.refuseMessage.put("user7@example.com", "554 5.6.0 message refused");
        channel = channel(relay, null);

        Map<Integer, Object> outcomes = sendAll(10);

        assertThat(outcomes).hasSize(10);
        for (int i : List.of(0, 1, 2, 4, 6, 8, 9)) assertThat(outcomes.get(i)).as("message %d", i).isEqualTo("sent");
        assertThat(outcomes.get(3)).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("550").doesNotContain("user3@");
        });
        assertThat(outcomes.get(5)).isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(outcomes.get(7)).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("554");
        });
        for (int i : List.of(0, 1, 2, 4, 6, 8, 9)) assertThat(relay.count(address(i))).as("message %d at the relay", i).isEqualTo(1);
        assertThat(relay.count(address(3)) + relay.count(address(5)) + relay.count(address(7))).isZero();
        assertThat(relay.sessions.get()).isEqualTo(1);
        // Every dot but the batch's last and the one before a refused recipient's reset had the next MAIL FROM behind it.
        assertThat(relay.dotsPipelined.get()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void sessionsTheRelayEndsAfterThreeMessagesGoOnInFreshOnesWithoutRepeatingAny() throws Exception {
        var relay = relay().endSessionsAfter(3);
        channel = channel(relay, null);

        Map<Integer, Object> outcomes = sendAll(10);

        assertThat(outcomes.values()).hasSize(10).containsOnly("sent");
        for (int i = 0; i < 10; i++) assertThat(relay.count(address(i))).as("message %d at the relay", i).isEqualTo(1);
        assertThat(relay.sessions.get()).isEqualTo(4);
    }

    @Test
    void aPrimaryThatDiesMidBatchLeavesTheRestToTheFallbackAndNothingGoesTwice() throws Exception {
        var primary = relay().dieAfter(4);
        var fallback = relay();
        channel = channel(primary, fallback);

        Map<Integer, Object> outcomes = sendAll(10);

        assertThat(outcomes.values()).hasSize(10).containsOnly("sent");
        for (int i = 0; i < 10; i++) {
            assertThat(primary.count(address(i)) + fallback.count(address(i))).as("message %d at either relay", i).isEqualTo(1);
        }
        assertThat(primary.total()).isEqualTo(4);
        assertThat(fallback.total()).isEqualTo(6);
        // The primary rests: the next batch goes straight to the fallback.
        Map<Integer, Object> next = sendAll(2);
        assertThat(next.values()).containsOnly("sent");
        assertThat(fallback.total()).isEqualTo(8);
    }

    @Test
    void withoutAFallbackWhatTheDeadRelayDidNotTakeIsRetryableAndNeverSent() throws Exception {
        var primary = relay().dieAfter(4);
        channel = channel(primary, null);

        Map<Integer, Object> outcomes = sendAll(10);

        assertThat(outcomes).hasSize(10);
        for (int i = 0; i < 4; i++) assertThat(outcomes.get(i)).isEqualTo("sent");
        for (int i = 4; i < 10; i++) {
            assertThat(outcomes.get(i)).as("message %d", i).isInstanceOfSatisfying(DeliveryException.class, e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.getMessage()).startsWith("primary ");
            });
        }
        assertThat(primary.total()).isEqualTo(4);
    }

    private ScriptedRelay relay() throws Exception {
        var r = new ScriptedRelay();
        relays.add(r);
        return r;
    }

    private static EmailChannel channel(ScriptedRelay primary, ScriptedRelay fallback) {
        return new EmailChannel("mail", Optional.empty(), "status@sakura.example", new SmtpRelay(address(primary), "test.invalid"),
                fallback == null ? null : new SmtpRelay(address(fallback), "test.invalid"), new Channel.Limits(1, 1000));
    }

    private static SmtpRelay.Address address(ScriptedRelay r) {
        return new SmtpRelay.Address("127.0.0.1", r.port(), SmtpRelay.Security.NONE, Optional.empty(), Optional.empty(), 5000, null);
    }

    private static String address(int i) {
        return "user" + i + "@example.com";
    }

    /** Sends user0..user(n-1) as one batch; each index maps to "sent" or the DeliveryException, and fails on a second outcome. */
    private Map<Integer, Object> sendAll(int n) throws InterruptedException {
        var notice = new Notice(Notice.Event.INCIDENT_UPDATED, "en", "Sakura Hosting", "Major outage: Mail is delayed",
                Optional.of("Investigating"), "major", "We are looking into it.\n.\nA line with a dot alone above.",
                URI.create("https://status.example.jp/incidents/42"), Instant.parse("2026-12-02T03:04:05Z"), Optional.empty());
        var batch = new ArrayList<Channel.Message>();
        for (int i = 0; i < n; i++) batch.add(new Channel.Message(notice, Optional.of(address(i)), "n1-mail-s" + i));
        var outcomes = new TreeMap<Integer, Object>();
        channel.sendAll(batch, new Channel.Outcomes() {
            @Override
            public void sent(int index) {
                assertThat(outcomes.put(index, "sent")).as("a second outcome for %d", index).isNull();
            }

            @Override
            public void failed(int index, DeliveryException e) {
                assertThat(outcomes.put(index, e)).as("a second outcome for %d", index).isNull();
            }
        });
        return outcomes;
    }
}
