package io.noroshi.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.noroshi.config.ConfigException;
import io.noroshi.config.ConfigLoader;
import io.noroshi.config.ConfigProblem;
import io.noroshi.config.FlapDamping;
import io.noroshi.config.Monitor;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.VantagePoint;
import io.noroshi.probe.heartbeat.HeartbeatProbe;
import io.noroshi.probe.http.HttpMethod;
import io.noroshi.probe.http.HttpProbe;
import io.noroshi.probe.http.StatusRange;
import io.noroshi.probe.mail.MailTls;
import io.noroshi.probe.mail.SmtpProbe;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The monitors, vantage_points and monitoring sections of noroshi.yaml. */
class MonitorConfigTest {

    private static final String TOKEN_HASH = AgentTokens.hashOf("osaka-secret");
    private static final String BASE = """
            page: {name: Acme}
            sites:
              - {id: tokyo}
              - {id: osaka}
            services:
              - {id: web, kind: web}
            components:
              - {id: website, services: [web]}
            """;

    private static NoroshiConfig parse(String yaml) {
        return new ConfigLoader().parse("noroshi.yaml", BASE + yaml);
    }

    private static List<ConfigProblem> problems(String yaml) {
        return catchThrowableOfType(ConfigException.class, () -> parse(yaml)).problems();
    }

    @Test
    void aMonitorWithEveryHttpKeyIsRead() {
        var config = parse("""
                vantage_points:
                  - {id: osaka, site: osaka, token_sha256: %s}
                monitors:
                  - id: website-health
                    kind: http
                    url: https://www.example.com/health
                    method: POST
                    body: '{"ping":true}'
                    expected_status: [200-299, 418]
                    body_contains: ok
                    body_excludes: maintenance
                    degraded_after: 2s
                    follow_redirects: false
                    certificate_warn_days: 7
                    timeout: 5s
                    interval: 1m
                    retries: 1
                    component: website
                    service: web
                    quorum: 2
                    confirmations: 3
                    recoveries: 4
                monitoring:
                  retention: 14d
                """.formatted(TOKEN_HASH));

        Monitor m = config.monitors().getFirst();
        var probe = (HttpProbe) m.probe();
        assertThat(probe.method()).isEqualTo(HttpMethod.POST);
        assertThat(probe.expectedStatus()).containsExactly(new StatusRange(200, 299), new StatusRange(418, 418));
        assertThat(probe.bodyContains()).isEqualTo("ok");
        assertThat(probe.degradedAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(probe.followRedirects()).isFalse();
        assertThat(probe.certificateWarnDays()).isEqualTo(7);
        assertThat(probe.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(m.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(m.retries()).isEqualTo(1);
        assertThat(m.component()).contains("website");
        assertThat(m.service()).contains("web");
        assertThat(m.vantagePoints()).containsExactly("hub", "osaka");
        assertThat(m.effectiveQuorum()).isEqualTo(2);
        assertThat(m.confirmations()).isEqualTo(3);
        assertThat(m.recoveries()).isEqualTo(4);
        assertThat(config.monitoring().retention()).isEqualTo(Duration.ofDays(14));
        assertThat(config.vantagePoints()).extracting(VantagePoint::id).containsExactly("hub", "osaka");
    }

    @Test
    void defaultsAreThirtySecondsTwoConfirmationsAllVantagePointsAndAMajority() {
        var config = parse("""
                vantage_points:
                  - {id: osaka, site: osaka, token_sha256: %s}
                  - {id: office, site: tokyo, token_sha256: %s}
                monitors:
                  - {id: mx, kind: smtp, host: mx.example.com, tls: starttls}
                  - {id: backup, kind: heartbeat, period: 24h, grace: 30m, secret_sha256: %s}
                """.formatted(TOKEN_HASH, AgentTokens.hashOf("office-secret"), AgentTokens.hashOf("backup-secret")));

        Monitor mx = config.monitors().get(0);
        assertThat(mx.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(mx.vantagePoints()).containsExactly("hub", "osaka", "office");
        assertThat(mx.effectiveQuorum()).isEqualTo(2);
        assertThat(((SmtpProbe) mx.probe()).tls()).isEqualTo(MailTls.STARTTLS);
        assertThat(((SmtpProbe) mx.probe()).port()).isEqualTo(25);
        Monitor backup = config.monitors().get(1);
        assertThat(backup.probe()).isEqualTo(new HeartbeatProbe("backup", Duration.ofHours(24), Duration.ofMinutes(30),
                Optional.of(AgentTokens.hashOf("backup-secret"))));
        assertThat(backup.vantagePoints()).containsExactly("hub");
        assertThat(backup.effectiveQuorum()).isEqualTo(1);
    }

    @Test
    void withoutTheSectionsThereAreNoMonitorsAndTheHubIsTheOnlyVantagePoint() {
        var config = parse("");

        assertThat(config.monitors()).isEmpty();
        assertThat(config.vantagePoints()).containsExactly(VantagePoint.implicitHub());
        assertThat(config.monitoring().retention()).isEqualTo(Duration.ofDays(7));
        assertThat(config.monitoring().flapDamping()).isEqualTo(new FlapDamping(4, Duration.ofMinutes(30), Duration.ofMinutes(2)));
    }

    @Test
    void flapDampingIsConfigurable() {
        var config = parse("monitoring: {flap_damping: {changes: 6, window: 1h, hold: 5m}}\n");

        assertThat(config.monitoring().flapDamping()).isEqualTo(new FlapDamping(6, Duration.ofHours(1), Duration.ofMinutes(5)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "monitors: [{id: a, kind: tcp, host: h, port: 1, colour: red}]|monitors[0].colour|unknown key",
            "monitors: [{id: a, kind: gopher, host: h}]|monitors[0].kind|not a monitor kind",
            "monitors: [{id: a, kind: tcp, host: h, port: 1, interval: soon}]|monitors[0].interval|not a duration",
            "monitors: [{id: a, kind: tcp, host: h, port: 1, component: shop}]|monitors[0].component|unknown component 'shop'",
            "monitors: [{id: a, kind: tcp, host: h, port: 1, vantage_points: [mars]}]|monitors[0].vantage_points|unknown vantage point 'mars'",
            "monitors: [{id: a, kind: tcp, host: h, port: 1, quorum: 2}]|monitors[0].quorum|between 1 and the 1 vantage point",
            "monitors: [{id: a, kind: tcp, host: h, port: 99999}]|monitors[0]|port must be 1-65535",
            "monitors: [{id: a, kind: http, url: 'https://x/', method: HEAD, body_contains: ok}]|monitors[0]|HEAD has no body",
            "monitors: [{id: a, kind: heartbeat}]|monitors[0].period|is required",
            "monitors: [{id: a, kind: heartbeat, period: 1h}]|monitors[0].secret_sha256|is required for a heartbeat",
            "monitors: [{id: a, kind: heartbeat, period: 1h, secret_sha256: hunter2}]|monitors[0].secret_sha256|64 lower-case hex digits",
            "monitors: [{id: a, kind: dns, name: example.com}]|monitors[0].servers|is required",
            "monitors: [{id: a, kind: dns, name: example.com, type: TXT, servers: [ns1]}]|monitors[0].type|is not one of soa, a, aaaa, mx, ns",
            "vantage_points: [{id: osaka, site: kyoto, token_sha256: " + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef}]|vantage_points[0].site|unknown site 'kyoto'",
            "vantage_points: [{id: osaka, site: osaka, token_sha256: secret}]|vantage_points[0].token_sha256|64 lower-case hex digits",
            "vantage_points: [{id: osaka, site: osaka}]|vantage_points[0].token_sha256|is required for an agent",
            "monitors: [{id: a, kind: tcp, host: h, port: 1, interval: 1ms}]|monitors[0].interval|must be at least 100ms",
            "monitoring: {flap_damping: {changes: 1}}|monitoring.flap_damping.changes|must be at least 2",
            "monitoring: {flap_damping: {hold: soon}}|monitoring.flap_damping.hold|not a duration",
            "monitoring: {metrics_bind: nowhere}|monitoring.metrics_bind|not an address",
            "monitoring: {retention: forever}|monitoring.retention|not a duration"})
    void mistakesAreReportedWithTheirKeyAndLine(String yaml, String key, String message) {
        var found = problems(yaml);

        assertThat(found).anySatisfy(p -> {
            assertThat(p.key()).isEqualTo(key);
            assertThat(p.message()).contains(message);
            assertThat(p.line()).isGreaterThan(8);
        });
    }

    @Test
    void everyProbeKindOfTheDocsHasAReader() {
        var config = parse("""
                monitors:
                  - {id: a, kind: http, url: 'http://127.0.0.1/'}
                  - {id: b, kind: tcp, host: 127.0.0.1, port: 5432}
                  - {id: c, kind: tls, host: 127.0.0.1, port: 993, server_name: imap.example.com, warn_days: 0}
                  - {id: d, kind: smtp, host: mx, ehlo_name: status.example.com, verify_certificate: false}
                  - {id: e, kind: imap, host: mx, tls: implicit}
                  - {id: f, kind: pop3, host: mx, port: 1110}
                  - {id: g, kind: heartbeat, period: 5m, secret_sha256: %s}
                  - {id: h, kind: dns, name: example.com, type: soa, servers: [ns1.example.net, '198.51.100.53:5353']}
                """.formatted(AgentTokens.hashOf("g-secret")));

        assertThat(config.monitors()).extracting(m -> m.probe().kind())
                .containsExactly("http", "tcp", "tls", "smtp", "imap", "pop3", "heartbeat", "dns");
        assertThat(config.monitors()).extracting(Monitor::service).containsOnly(Optional.empty());
    }
}
