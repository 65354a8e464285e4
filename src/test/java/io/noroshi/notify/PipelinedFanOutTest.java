package io.noroshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.admin.ComponentChange;
import io.noroshi.admin.IncidentDraft;
import io.noroshi.admin.UpdateDraft;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.notify.email.ScriptedRelay;
import io.noroshi.subscriber.Subscriber;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fan-out through the outbox with pipelined SMTP batches: in the delivery log, a recipient the relay refuses for
 * good is dead, one it refuses for now waits to be retried, every other one is sent, and the relay (which ends each
 * session after a few messages) received each message once.
 */
class PipelinedFanOutTest {

    @TempDir
    Path data;

    @Test
    void refusedRecipientsInTheMiddleOfBatchesAreDeadOrRetriedAndTheRestSentOnce() throws Exception {
        int subscribers = 40;
        try (var relay = new ScriptedRelay().endSessionsAfter(7)) {
            relay.refuseRecipient.put("user11@example.com", "550 5.1.1 no such user");
            relay.refuseMessage.put("user23@example.com", "451 4.3.0 try again later");
            try (var hub = new NotifyHub(data, """
                    channels:
                      - name: mail
                        kind: email
                        from: status@sakura.example
                        host: 127.0.0.1
                        port: %d
                        tls: none
                        connections: 2
                    """.formatted(relay.port()))) {
                var subscriptions = hub.hub.notifications().subscriptions();
                for (int i = 0; i < subscribers; i++) subscriptions.add(Subscriber.Kind.EMAIL, "user" + i + "@example.com", "en", List.of());
                hub.hub.admin().incidents().open(NotifyHub.OPERATOR, new IncidentDraft(Text.of("Mail is delayed"), Impact.MAJOR, new UpdateDraft(
                        IncidentStatus.INVESTIGATING, Text.of("We are looking into it."), List.of(new ComponentChange("mail", ComponentStatus.MAJOR_OUTAGE)),
                        true)));
                Outbox.ChannelCounts mail = null;
                // Bounded: 40 messages to a relay on loopback; the retry's backoff (5 s or more) lies beyond what is awaited here.
                for (int i = 0; i < 300 && (mail == null || mail.sent() + mail.failed() + mail.dead() < subscribers); i++) {
                    Thread.sleep(100);
                    var log = hub.hub.notifications().outbox().recent(5).stream().filter(n -> n.event().equals("INCIDENT_CREATED")).findFirst();
                    mail = log.flatMap(n -> n.channels().stream().filter(c -> c.channel().equals("mail")).findFirst()).orElse(null);
                }
                assertThat(mail).isNotNull();
                assertThat(mail.dead()).isEqualTo(1);
                assertThat(mail.failed()).isEqualTo(1);
                assertThat(mail.sent()).isEqualTo(subscribers - 2);
                assertThat(mail.pending()).isZero();
                for (int i = 0; i < subscribers; i++) {
                    int expected = i == 11 || i == 23 ? 0 : 1;
                    assertThat(relay.count("user" + i + "@example.com")).as("user%d at the relay", i).isEqualTo(expected);
                }
                assertThat(relay.dotsPipelined.get()).isPositive();
            }
        }
    }
}
