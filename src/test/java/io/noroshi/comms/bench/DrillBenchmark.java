package io.noroshi.comms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.testing.MovableClock;
import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.hub.Hub;
import io.noroshi.hub.HubOptions;
import io.noroshi.monitor.Verdict;
import io.noroshi.monitor.VerdictChange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * bench/drill: a scripted 3-hour outage replayed on a fast clock through a real hub (SQLite, HTTP on
 * loopback): monitor verdict DOWN, the first notice drafted and published by itself, updates over the
 * admin API (one late), an estimate given, missed and revised, a recovery verdict, resolution. The clock
 * moves in 5-second steps and the hub's communication tick runs after each, as its timer would. Prints
 * the post-incident figures next to the script's, and the time from the quorum verdict to the first
 * notice on the public page against the bound (delay + 5 s).
 */
public final class DrillBenchmark {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration DELAY = Duration.ofMinutes(5);
    private static final Duration STEP = Duration.ofSeconds(5);

    /** A clock only the drill moves. */
    private final MovableClock clock = new MovableClock(T0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Hub hub;
    private String token;

    public static void main(String[] args) throws Exception {
        System.exit(new DrillBenchmark().run(Files.createTempDirectory("noroshi-drill")));
    }

    int run(Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("noroshi.yaml"), """
                page: {name: Drill, time_zone: UTC}
                components:
                  - {id: mail, name: Mail}
                monitors:
                  - {id: mail-smtp, kind: tcp, host: 127.0.0.1, port: 9, interval: 1h, component: mail}
                communication:
                  lint: {require_override: false}
                  first_notice: {delay: 5m}
                  next_update: {major: 30m}
                  escalate_after: 4h
                """);
        hub = Hub.start(new HubOptions(config, false, "127.0.0.1", 0, dir.resolve("data"), null), clock);
        try {
            var operator = hub.admin().accounts().create("drill@example.com", "correct horse battery".toCharArray());
            token = hub.admin().access().issueToken(Actor.session(operator), "drill", Scope.INCIDENTS).secret();
            long started = System.nanoTime();
            // T0: the quorum verdict
            hub.monitoring().events().publish(new VerdictChange("mail-smtp", Verdict.UP, Verdict.DOWN, T0, List.of("refused")));
            Duration firstNotice = null;
            while (firstNotice == null && clock.instant().isBefore(T0.plus(Duration.ofMinutes(30)))) {
                step();
                if (page("/").contains("Mail is unavailable")) firstNotice = Duration.between(T0, clock.instant());
            }
            String id = hub.database().incidents().unresolved().getFirst().id();
            runTo(30);
            update(id, "identified", 60, 90, "medium", "We found the cause: a full mail store. Customers still cannot send Mail; nothing is lost. No workaround.");
            runTo(60);
            update(id, "identified", 90, 0, null, "Space is being added. Customers still cannot send Mail; nothing is lost. No workaround.");
            runTo(100); // the estimate (90m) passes at 90m; the update promised for 90m comes late
            update(id, "identified", 130, 180, "high", "Slower than we thought: half the store is copied. Nothing is lost. No workaround.");
            runTo(125);
            update(id, "identified", 160, 0, null, "Three quarters copied. Customers still cannot send Mail; nothing is lost. No workaround.");
            runTo(150);
            hub.monitoring().events().publish(new VerdictChange("mail-smtp", Verdict.DOWN, Verdict.UP, clock.instant(), List.of()));
            runTo(155);
            update(id, "monitoring", 185, 0, null, "Customers can send Mail again; we are watching it.");
            runTo(180);
            post("/incidents/" + id + "/resolve", "{\"body\": \"Mail is fully restored for all customers. No messages were lost; delayed ones have been delivered.\"}");
            double wallSeconds = (System.nanoTime() - started) / 1e9;

            JsonNode report = json.readTree(get("/comms/incidents/" + id + "/report"));
            System.out.println(report.path("markdown").asText());
            long ttfn = report.path("seconds_to_first_notice").asLong(-1);
            boolean match = ttfn == DELAY.toSeconds() && report.path("promises").asInt() == 6 && report.path("promises_kept").asInt() == 5
                    && report.path("longest_silence_seconds").asLong() == 40 * 60 && report.path("estimates_given").asInt() == 1
                    && report.path("estimates_missed").asInt() == 1 && report.path("estimates_revised").asInt() == 1;
            System.out.printf(Locale.ROOT, "script:   first notice %ds, promises 5 of 6 kept, longest silence 2400s, estimates 1 given / 1 missed / 1 revised%n",
                    DELAY.toSeconds());
            System.out.printf(Locale.ROOT, "measured: first notice %ds, promises %d of %d kept, longest silence %ds, estimates %d given / %d missed / %d revised%n",
                    ttfn, report.path("promises_kept").asInt(), report.path("promises").asInt(), report.path("longest_silence_seconds").asLong(),
                    report.path("estimates_given").asInt(), report.path("estimates_missed").asInt(), report.path("estimates_revised").asInt());
            double bound = DELAY.plusSeconds(5).toSeconds();
            double onPage = firstNotice == null ? Double.NaN : firstNotice.toSeconds();
            System.out.printf(Locale.ROOT, "quorum verdict -> first notice on the public page: %.0fs on the drill clock (bound: delay %ds + 5s); replayed in %.1fs of wall time%n",
                    onPage, DELAY.toSeconds(), wallSeconds);
            System.out.println("RESULT drill_figures_match=" + (match ? 1 : 0));
            System.out.printf(Locale.ROOT, "RESULT drill_first_notice_vs_bound=%.3f%n", onPage / bound);
            System.out.printf(Locale.ROOT, "RESULT drill_replay_wall_s=%.1f%n", wallSeconds);
            return firstNotice == null ? 1 : 0;
        } finally {
            hub.close();
        }
    }

    /** Moves the clock one step and runs what the hub's timer runs. */
    private void step() {
        clock.set(clock.instant().plus(STEP));
        hub.communication().firstNotices().orElseThrow().tick();
        hub.communication().ticker(() -> hub.publisher().requestRefresh()).tick();
    }

    private void runTo(int minutes) {
        while (clock.instant().isBefore(T0.plus(Duration.ofMinutes(minutes)))) step();
    }

    private void update(String id, String status, int nextMinutes, int estimateMinutes, String confidence, String body) throws Exception {
        var payload = json.createObjectNode().put("status", status).put("body", body)
                .put("next_update_by", T0.plus(Duration.ofMinutes(nextMinutes)).toString());
        if (confidence != null) {
            payload.put("estimate_at", T0.plus(Duration.ofMinutes(estimateMinutes)).toString()).put("estimate_confidence", confidence);
        }
        post("/incidents/" + id + "/updates", payload.toString());
    }

    private String page(String path) throws Exception {
        hub.publisher().publishNow();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + "/api/admin/v1" + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void post(String path, String body) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + "/api/admin/v1" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
    }
}
