package io.noroshi.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.noroshi.config.ConfigException;
import io.noroshi.config.ConfigLoader;
import io.noroshi.config.ConfigProblem;
import io.noroshi.hub.Hub;
import io.noroshi.hub.HubOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code notifications:} section: every mistake named by file and line, and a hub with one does not start. */
class NotificationsConfigTest {

    @TempDir
    Path dir;

    private static List<String> problems(String notifications, Map<String, String> env) {
        var e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(env::get).parse("noroshi.yaml", NotifyHub.config(8080, notifications)));
        assertThat(e).as("the config is refused").isNotNull();
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void unknownChannelKindIsNamedWithItsLine() {
        assertThat(problems("""
                channels:
                  - name: pager
                    kind: carrier-pigeon
                """, Map.of())).singleElement().asString()
                .startsWith("noroshi.yaml:17").contains("notifications.channels[0].kind").contains("unknown channel kind 'carrier-pigeon'")
                .contains("email").contains("webhook");
    }

    @Test
    void missingSecretUnsetVariableAndInlineSecretAreEachReported() {
        assertThat(problems("""
                channels:
                  - name: a
                    kind: webhook
                    url: https://hooks.example/a
                  - name: b
                    kind: webhook
                    url: https://hooks.example/b
                    secret_env: NOT_SET
                  - name: c
                    kind: webhook
                    url: https://hooks.example/c
                    secret: hunter2
                """, Map.of())).containsExactly(
                "noroshi.yaml:16: notifications.channels[0].secret_env: is required: give secret_env (an environment variable's name) or secret_file (a file)",
                "noroshi.yaml:22: notifications.channels[1].secret_env: the environment variable NOT_SET is not set",
                "noroshi.yaml:26: notifications.channels[2].secret: a secret is never written in the file: give secret_env: VARIABLE or secret_file: PATH");
    }

    @Test
    void routesMustNameKnownChannelsAndEvents() {
        assertThat(problems("""
                channels:
                  - name: mail
                    kind: email
                    from: status@example.com
                    host: 127.0.0.1
                routes:
                  - channels: [mial]
                    events: [incident, gossip]
                """, Map.of())).anySatisfy(p -> assertThat(p).contains("no channel is named 'mial'"))
                .anySatisfy(p -> assertThat(p).contains("'gossip' is not one of incident, maintenance, component, monitor, finding"));
    }

    @Test
    void aValidSectionBuildsItsChannels() {
        var config = new ConfigLoader(Map.of("HOOK_SECRET", "s3cret")::get).parse("noroshi.yaml", NotifyHub.config(8080, """
                channels:
                  - name: mail
                    kind: email
                    site: osaka-dc
                    from: status@example.com
                    host: smtp.example.com
                    fallback_host: smtp2.example.net
                    connections: 8
                  - name: ops
                    kind: webhook
                    url: https://hooks.example/ops
                    secret_env: HOOK_SECRET
                routes:
                  - channels: [ops]
                    events: [monitor, finding, incident]
                    reminder: 30m
                """));
        var n = config.notifications();
        assertThat(n.channels()).extracting(c -> c.name() + ":" + c.kind()).containsExactly("mail:email", "ops:webhook");
        assertThat(n.channel("mail").orElseThrow().site()).contains("osaka-dc");
        // a channel with a site is a notification path the failure-domain audit and the blast radius see
        assertThat(config.services()).filteredOn(s -> s.id().equals("channel:mail")).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(io.noroshi.config.Service.ServiceKind.NOTIFY);
            assertThat(s.endpoints().getFirst().site()).isEqualTo("osaka-dc");
        });
        assertThat(n.channel("mail").orElseThrow().limits().concurrency()).isEqualTo(8);
        assertThat(n.subscribers().emailChannel()).contains("mail");
        assertThat(n.routes().getFirst().reminder()).contains(java.time.Duration.ofMinutes(30));
    }

    @Test
    void aChannelSiteMustBeADeclaredSite() {
        assertThat(problems("""
                channels:
                  - name: mail
                    kind: email
                    site: nagoya-dc
                    from: status@example.com
                    host: 127.0.0.1
                """, Map.of())).singleElement().asString().startsWith("noroshi.yaml:18: notifications.channels[0].site: no site has the id 'nagoya-dc'");
    }

    @Test
    void hubWithABadChannelDoesNotStart() throws Exception {
        Path config = dir.resolve("noroshi.yaml");
        Files.writeString(config, NotifyHub.config(8080, """
                channels:
                  - name: pager
                    kind: smoke-signal
                """));
        var e = catchThrowableOfType(ConfigException.class,
                () -> Hub.start(new HubOptions(config, false, "127.0.0.1", 0, dir.resolve("data"), null), Clock.systemUTC()).close());
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(17));
    }
}
