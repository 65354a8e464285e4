package io.noroshi.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.account.Actor;
import io.noroshi.admin.IncidentDraft;
import io.noroshi.admin.UpdateDraft;
import io.noroshi.cli.Main;
import io.noroshi.config.Text;
import io.noroshi.contacts.AgeKeys;
import io.noroshi.hub.Hub;
import io.noroshi.hub.HubOptions;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.subscriber.JdbiSubscriberStore;
import io.noroshi.subscriber.Subscriber;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A standby hub restored from a mirror answers every /api/v2 file byte for byte as the original
 * did; the contacts bundle on the mirror is ciphertext that Debian's age and {@code noroshi restore
 * --identity} decrypt, and that a wrong key cannot.
 */
class StandbyRestoreTest {

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();
    static final String SUBSCRIBED_COMPONENT = "web-hosting";

    @Test
    void aStandbyRestoredFromAMirrorAnswersTheApiAsTheOriginalDid() throws Exception {
        String demo = Files.readString(Path.of("src/main/resources/demo/noroshi.yaml"));
        // Without monitors: the original's component states must not move between the publish and the comparison.
        String base = demo.substring(0, demo.indexOf("\nvantage_points:") + 1);
        var operator = AgeKeys.generate(new SecureRandom());
        Path identity = dir.resolve("operator.key");
        Files.writeString(identity, operator.encoded() + "\n");
        Path www = dir.resolve("www");
        Path config = dir.resolve("noroshi.yaml");
        Files.writeString(config, base + """
                mirrors:
                  bundle:
                    recipients: [%s]
                    contacts:
                      - {name: Aiko Sato, role: on-call lead, email: aiko@example.net, phone: "+81 3 0000 0001"}
                  targets:
                    - {id: osaka-dir, site: osaka-dc2, directory: "%s"}
                """.formatted(operator.recipient().encoded(), www));
        Map<String, byte[]> original = new java.util.TreeMap<>();
        try (Hub hub = Hub.start(new HubOptions(config, true, "127.0.0.1", 0, dir.resolve("primary"), null), Clock.systemUTC())) {
            var first = new UpdateDraft(IncidentStatus.IDENTIFIED, Text.of("Storage array failed.", "ストレージ装置が故障しました。"), List.of(), false);
            hub.admin().incidents().open(Actor.commandLine("test"), new IncidentDraft(Text.of("Site A down", "サイトA停止"), Impact.CRITICAL, first));
            // A confirmed subscriber, in Japanese, for one component: the bundle carries it to the standby.
            new JdbiSubscriberStore(hub.database()).add(Subscriber.Kind.EMAIL, "mika@example.jp", "ja", List.of(SUBSCRIBED_COMPONENT),
                    Subscriber.State.CONFIRMED, java.time.Instant.now());
            var snapshot = hub.publisher().publishNow();
            assertThat(hub.mirrors().publishNow(snapshot)).allSatisfy(o -> assertThat(o.error()).isNull());
            for (String path : snapshot.paths().filter(p -> p.startsWith("/api/v2/")).toList()) {
                original.put(path, get("http://127.0.0.1:" + hub.port() + path));
            }
        }
        assertThat(original).hasSize(8);

        // The mirror holds the contacts only as ciphertext, which Debian's age decrypts.
        Path bundle = www.resolve("noroshi-contacts.age");
        assertThat(new String(Files.readAllBytes(bundle), StandardCharsets.ISO_8859_1)).doesNotContain("aiko@example.net");
        try (var files = Files.walk(www)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).as(f.toString()).doesNotContain("aiko@example.net");
            }
        }
        Process age = new ProcessBuilder("/usr/bin/age", "-d", "-i", identity.toString(), bundle.toString()).start();
        byte[] decrypted = age.getInputStream().readAllBytes();
        assertThat(age.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(age.exitValue()).isZero();
        assertThat(new String(decrypted, StandardCharsets.UTF_8)).contains("\"email\" : \"aiko@example.net\"", "\"kind\" : \"on-call\"");

        // A wrong key: refused, nothing restored.
        Path wrong = dir.resolve("wrong.key");
        Files.writeString(wrong, AgeKeys.generate(new SecureRandom()).encoded() + "\n");
        var refused = run("restore", "--from", www.toString(), "--config", dir.resolve("none.yaml").toString(), "--data",
                dir.resolve("refused").toString(), "--identity", wrong.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("none of the given keys can decrypt this file");
        assertThat(dir.resolve("refused")).doesNotExist();

        // The standby: restored from the mirror by its directory, then started with the config minus the mirrors.
        Path standbyConfig = dir.resolve("standby.yaml");
        Files.writeString(standbyConfig, base);
        var restored = run("restore", "--from", www.toString(), "--config", standbyConfig.toString(), "--data",
                dir.resolve("standby").toString(), "--identity", identity.toString());
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("restored", "restored 1 subscriber(s)", "decrypted 2 contact(s)");
        try (Hub standby = Hub.start(new HubOptions(standbyConfig, false, "127.0.0.1", 0, dir.resolve("standby"), null), Clock.systemUTC())) {
            var mika = new JdbiSubscriberStore(standby.database()).byAddress(Subscriber.Kind.EMAIL, "mika@example.jp").orElseThrow();
            assertThat(mika.state()).isEqualTo(Subscriber.State.CONFIRMED);
            assertThat(mika.lang()).isEqualTo("ja");
            assertThat(mika.components()).containsExactly(SUBSCRIBED_COMPONENT);
            for (var e : original.entrySet()) {
                assertThat(new String(get("http://127.0.0.1:" + standby.port() + e.getKey()), StandardCharsets.UTF_8)).as(e.getKey())
                        .isEqualTo(new String(e.getValue(), StandardCharsets.UTF_8));
            }
        }

        // A second restore into the same data is refused: two hubs' data never mix.
        var again = run("restore", "--from", www.toString(), "--config", standbyConfig.toString(), "--data", dir.resolve("standby").toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already holds");
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine line = Main.commandLine(args);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    byte[] get(String url) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }
}
