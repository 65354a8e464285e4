package io.noroshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.noroshi.notify.webhook.WebhookChannel;
import io.noroshi.testing.SeededTries;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backoff, Retry-After, and a delivery that fails, is retried and goes through, or is refused for good and kept as dead. */
class RetriesTest {

    @TempDir
    Path data;

    @Test
    void backoffGrowsWithJitterAndNeverComesBeforeRetryAfter() {
        SeededTries.check("backoff bounds", 500, cases -> {
            var backoff = new Backoff(Backoff.FIRST, Backoff.LONGEST, new SplittableRandom(cases.anyInt()));
            int attempts = cases.between(1, 30);
            Optional<Duration> retryAfter = cases.oneIn(3) ? Optional.of(Duration.ofSeconds(cases.between(0, 7200))) : Optional.empty();
            Duration wait = backoff.after(attempts, retryAfter);
            long capped = Math.min(Backoff.FIRST.toMillis() << Math.min(20, attempts - 1), Backoff.LONGEST.toMillis());
            assertThat(wait.toMillis()).isGreaterThanOrEqualTo(Math.max(capped / 2, retryAfter.map(Duration::toMillis).orElse(0L)));
            assertThat(wait.toMillis()).isLessThanOrEqualTo(Math.max(capped, retryAfter.map(Duration::toMillis).orElse(0L)));
        });
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        var clock = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);
        assertThat(WebhookChannel.retryAfter(Optional.of("120"), clock)).contains(Duration.ofSeconds(120));
        assertThat(WebhookChannel.retryAfter(Optional.of("Wed, 02 Dec 2026 03:01:30 GMT"), clock)).contains(Duration.ofSeconds(90));
        assertThat(WebhookChannel.retryAfter(Optional.of("soon"), clock)).isEmpty();
        assertThat(WebhookChannel.retryAfter(Optional.empty(), clock)).isEmpty();
    }

    @Test
    void a503IsRetriedUntilItGoesThroughAndA410IsDeadWithItsError() throws Exception {
        var calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/flaky", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (calls.incrementAndGet() == 1) exchange.getResponseHeaders().add("Retry-After", "1");
            exchange.sendResponseHeaders(calls.get() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.createContext("/gone", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(410, -1);
            exchange.close();
        });
        receiver.start();
        Path secret = Files.writeString(data.resolve("secret"), "s");
        int port = receiver.getAddress().getPort();
        try (var hub = new NotifyHub(data.resolve("hub"), """
                channels:
                  - name: flaky
                    kind: webhook
                    url: http://127.0.0.1:%d/flaky
                    secret_file: %s
                  - name: gone
                    kind: webhook
                    url: http://127.0.0.1:%d/gone
                    secret_file: %s
                routes:
                  - channels: [flaky, gone]
                    events: [incident]
                """.formatted(port, secret, port, secret))) {
            hub.hub.admin().incidents().open(NotifyHub.OPERATOR, new io.noroshi.admin.IncidentDraft(io.noroshi.config.Text.of("Mail is delayed"),
                    io.noroshi.incident.Impact.MINOR, new io.noroshi.admin.UpdateDraft(io.noroshi.incident.IncidentStatus.INVESTIGATING,
                    io.noroshi.config.Text.of("Looking."), List.of(), true)));
            Outbox.ChannelCounts flaky = null;
            Outbox.ChannelCounts gone = null;
            // Bounded: the first retry comes after 5 to 10 s of backoff.
            for (int i = 0; i < 300 && (flaky == null || flaky.sent() == 0 || gone == null || gone.dead() == 0); i++) {
                Thread.sleep(100);
                var log = hub.hub.notifications().outbox().recent(5).stream().filter(n -> n.event().equals("INCIDENT_CREATED")).findFirst();
                if (log.isEmpty()) continue;
                flaky = log.get().channels().stream().filter(c -> c.channel().equals("flaky")).findFirst().orElse(null);
                gone = log.get().channels().stream().filter(c -> c.channel().equals("gone")).findFirst().orElse(null);
            }
            assertThat(flaky).isNotNull();
            assertThat(flaky.sent()).isEqualTo(1);
            assertThat(calls.get()).isEqualTo(2);
            assertThat(gone.dead()).isEqualTo(1);
            assertThat(gone.lastError()).contains("127.0.0.1 answered 410");
        } finally {
            receiver.stop(0);
        }
    }
}
