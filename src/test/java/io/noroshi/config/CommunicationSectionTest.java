package io.noroshi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.noroshi.comms.CommunicationSettings;
import io.noroshi.comms.Templates;
import io.noroshi.comms.lint.DraftUpdate;
import io.noroshi.comms.lint.UpdateLint;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code communication:} section (owned by io.noroshi.comms): defaults, every key, templates checked at load. */
class CommunicationSectionTest {

    private final ConfigLoader loader = new ConfigLoader();
    private static final String COMPONENTS = "page: {name: A}\ncomponents:\n  - id: mail\n    name: Mail\n";

    @Test
    void withoutTheSectionTheLintAdvisesButDoesNotBlock() {
        CommunicationSettings c = loader.parse("t.yaml", "page: {name: A}\n").communication();
        assertThat(c.configured()).isFalse();
        assertThat(c.lint().requireOverride()).isFalse();
        assertThat(c.nextUpdate().after(Impact.CRITICAL, Duration.ZERO)).isEqualTo(Duration.ofMinutes(20));
        assertThat(c.nextUpdate().after(Impact.CRITICAL, Duration.ofHours(3))).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.nextUpdate().after(Impact.MAJOR, Duration.ZERO)).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.nextUpdate().after(Impact.MINOR, Duration.ZERO)).isEqualTo(Duration.ofMinutes(60));
        assertThat(c.firstNotice().delay()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void everyKeyIsRead() {
        var c = loader.parse("t.yaml", COMPONENTS + """
                communication:
                  lint: {require_override: false, max_length: {en: 280, ja: 140}}
                  next_update: {critical: 15m, critical_early: 1h, critical_later: 25m, major: 45m, minor: 90m}
                  remind_before: 10m
                  estimate_warnings: [5m, 30m]
                  first_notice: {delay: 0s, auto_publish_major: false, off_for: [mail]}
                  templates:
                    resolved: {en: "{components} is back since {since}.", ja: "{components}は復旧しました。"}
                """).communication();
        assertThat(c.configured()).isTrue();
        assertThat(c.lint()).isEqualTo(new CommunicationSettings.Lint(false, 280, 140));
        assertThat(c.nextUpdate()).isEqualTo(new CommunicationSettings.NextUpdate(Duration.ofMinutes(15), Duration.ofHours(1),
                Duration.ofMinutes(25), Duration.ofMinutes(45), Duration.ofMinutes(90)));
        assertThat(c.remindBefore()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.estimateWarnings()).containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(5));
        assertThat(c.firstNotice()).isEqualTo(new CommunicationSettings.FirstNotice(Duration.ZERO, false, java.util.Set.of("mail")));
        assertThat(c.templates().get("resolved").in("ja")).isEqualTo("{components}は復旧しました。");
        assertThat(c.templates().get("first_notice")).isEqualTo(Templates.DEFAULTS.get("first_notice"));
    }

    @Test
    void mistakesNameTheFileLineAndKey() {
        var e = catchThrowableOfType(ConfigException.class, () -> loader.parse("noroshi.yaml", COMPONENTS + """
                communication:
                  lint: {require_override: maybe}
                  next_update: {major: soon}
                  first_notice: {off_for: [nosuch]}
                  templates:
                    investigating:
                      en: "Next update by {next_update}; ETA {eta}."
                    closing: "bye"
                  colour: red
                """));
        var problems = e.problems().stream().map(ConfigProblem::toString).toList();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("noroshi.yaml:6").contains("communication.lint.require_override"))
                .anySatisfy(p -> assertThat(p).startsWith("noroshi.yaml:7").contains("communication.next_update.major"))
                .anySatisfy(p -> assertThat(p).startsWith("noroshi.yaml:8").contains("'nosuch' is not a component id"))
                .anySatisfy(p -> assertThat(p).startsWith("noroshi.yaml:11").contains("communication.templates.investigating")
                        .contains("unknown placeholder {eta} in the en text"))
                .anySatisfy(p -> assertThat(p).startsWith("noroshi.yaml:12").contains("communication.templates.closing"))
                .anySatisfy(p -> assertThat(p).startsWith("noroshi.yaml:13").contains("communication.colour"));
    }

    @Test
    void theBuiltInTemplatesPassTheLint() {
        var lint = new UpdateLint();
        var values = Map.of("components", "Mail", "since", "09:00 JST", "next_update", "09:35 JST", "impact", "major", "incident", "Mail", "estimate", "");
        var jaValues = Map.of("components", "メール", "since", "09:00 JST", "next_update", "09:35 JST", "impact", "major", "incident", "メール", "estimate", "");
        for (String phase : CommunicationSettings.PHASES) {
            IncidentStatus status = phase.equals("first_notice") ? IncidentStatus.INVESTIGATING : IncidentStatus.fromWire(phase);
            for (String lang : List.of("en", "ja")) {
                String text = Templates.fill(Templates.DEFAULTS.get(phase).in(lang), lang.equals("ja") ? jaValues : values);
                var update = new DraftUpdate(lang, status, text, "", Optional.of(Impact.MINOR), false, false, 700,
                        List.of(lang.equals("ja") ? "メール" : "Mail"));
                assertThat(lint.check(update)).as("%s %s: %s", phase, lang, text).isEmpty();
            }
        }
    }
}
