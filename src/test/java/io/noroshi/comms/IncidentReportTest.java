package io.noroshi.comms;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.admin.UpdateDraft;
import io.noroshi.cli.Main;
import io.noroshi.testing.MovableClock;
import io.noroshi.config.Text;
import io.noroshi.hub.Hub;
import io.noroshi.hub.HubOptions;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.monitor.Verdict;
import io.noroshi.monitor.VerdictChange;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The post-incident report of a scripted outage on a moved clock: detection, first notice, one
 * promise kept and one broken, an estimate given, missed and revised, resolution; the figures equal
 * the script's, and {@code noroshi incident report ID} prints the Markdown.
 */
class IncidentReportTest {

    private static final String CONFIG = """
            page:
              name: Example
              time_zone: UTC
            components:
              - id: mail
                name: Mail
            monitors:
              - {id: mail-smtp, kind: tcp, host: 127.0.0.1, port: 9, interval: 1h, component: mail}
            communication:
              lint:
                require_override: false
              first_notice:
                delay: 2m
            """;
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(T0);
    private Hub hub;

    @BeforeEach
    void start() throws Exception {
        hub = Hub.start(new HubOptions(Files.writeString(dir.resolve("noroshi.yaml"), CONFIG), false, "127.0.0.1", 0, dir.resolve("data"), null), clock);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private void at(Duration sinceStart) {
        clock.set(T0.plus(sinceStart));
        hub.communication().firstNotices().orElseThrow().tick();
        hub.communication().ticker(() -> { }).tick();
    }

    private void update(Actor actor, String id, IncidentStatus status, String text, Map<String, String> extras) {
        hub.admin().incidents().update(actor, id, new UpdateDraft(status, Text.of(text), List.of(), true, extras));
    }

    @Test
    void theFiguresAreTheScriptsAndTheCommandLinePrintsThem() {
        var operator = hub.admin().accounts().create("ops@example.com", "correct horse battery".toCharArray());
        var actor = Actor.session(operator);
        hub.monitoring().events().publish(new VerdictChange("mail-smtp", Verdict.UP, Verdict.DOWN, T0, List.of("refused")));
        at(Duration.ofMinutes(2)); // first notice: next update by 00:32 (major: 30m)
        String id = hub.database().incidents().unresolved().getFirst().id();
        at(Duration.ofMinutes(30)); // kept (00:30 <= 00:32), promises 01:00, estimate 00:50 medium
        update(actor, id, IncidentStatus.IDENTIFIED, "Cause found.", Map.of("next_update_by", "2026-03-01T01:00:00Z",
                "estimate_at", "2026-03-01T00:50:00Z", "estimate_confidence", "medium"));
        at(Duration.ofMinutes(50)); // the estimate passes: missed
        at(Duration.ofMinutes(70)); // 01:10: the promise of 01:00 is broken
        update(actor, id, IncidentStatus.IDENTIFIED, "Slower than thought.", Map.of("next_update_by", "2026-03-01T01:40:00Z",
                "estimate_at", "2026-03-01T01:30:00Z", "estimate_confidence", "low"));
        at(Duration.ofMinutes(90));
        update(actor, id, IncidentStatus.RESOLVED, "Mail is fully restored for all customers; nothing was lost.", Map.of());

        var incident = hub.database().incidents().find(id).orElseThrow();
        var figures = hub.communication().report().figures(incident);
        assertThat(figures.timeToFirstNotice()).contains(Duration.ofMinutes(2));
        assertThat(figures.promises()).isEqualTo(3);
        assertThat(figures.promisesKept()).isEqualTo(2);
        assertThat(figures.longestSilence()).isEqualTo(Duration.ofMinutes(40));
        assertThat(figures.estimatesGiven()).isEqualTo(1);
        assertThat(figures.estimatesMissed()).isEqualTo(1);
        assertThat(figures.estimatesRevised()).isEqualTo(1);

        String token = hub.admin().access().issueToken(actor, "reader", Scope.READ).secret();
        var out = new StringWriter();
        String[] args = {"incident", "report", id, "--hub", "http://127.0.0.1:" + hub.port(), "--token", token};
        int exit = Main.commandLine(args).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter())).execute(args);
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("# Post-incident report: Mail is unavailable (" + id + ")")
                .contains("| Time to first notice | 2m 00s |", "| Promises kept | 2 of 3 (67%) |", "| Longest silence | 40m 00s |",
                        "| Estimates given / revised / missed | 1 / 1 / 1 |", "Estimate missed: 2026-03-01 00:50 UTC passed without resolution",
                        "Outage confirmed by the monitoring");
    }
}
