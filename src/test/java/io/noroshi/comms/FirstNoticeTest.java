package io.noroshi.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.account.Actor;
import io.noroshi.admin.InvalidTransition;
import io.noroshi.comms.CommsStore.DraftState;
import io.noroshi.testing.MovableClock;
import io.noroshi.config.Text;
import io.noroshi.hub.Hub;
import io.noroshi.hub.HubOptions;
import io.noroshi.monitor.Verdict;
import io.noroshi.monitor.VerdictChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first notice in a real hub on a clock the test moves: a confirmed outage is drafted at once
 * from the template, published by itself after the delay (with its time to first notice and the audit
 * entries), not published once an operator takes it over, never for a component switched off; a
 * recovery only suggests the next step.
 */
class FirstNoticeTest {

    private static final String CONFIG = """
            page:
              name: Example
              time_zone: Asia/Tokyo
              languages: [en, ja]
            components:
              - id: mail
                name: {en: Mail, ja: メール}
              - id: lab
                name: {en: Lab, ja: ラボ}
            monitors:
              - {id: mail-smtp, kind: tcp, host: 127.0.0.1, port: 9, interval: 1h, component: mail}
              - {id: lab-smtp, kind: tcp, host: 127.0.0.1, port: 9, interval: 1h, component: lab}
            communication:
              first_notice:
                delay: 3m
                off_for: [lab]
            """;
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(T0);
    private Hub hub;
    private FirstNotices notices;
    private CommsStore store;

    @BeforeEach
    void start() throws Exception {
        Path config = Files.writeString(dir.resolve("noroshi.yaml"), CONFIG);
        hub = Hub.start(new HubOptions(config, false, "127.0.0.1", 0, dir.resolve("data"), null), clock);
        notices = hub.communication().firstNotices().orElseThrow();
        store = hub.communication().store();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private void verdict(String monitor, Verdict from, Verdict to) {
        hub.monitoring().events().publish(new VerdictChange(monitor, from, to, clock.instant(), List.of("connection refused")));
    }

    private List<String> auditActions() {
        return hub.database().auditLog().recent("", 100).stream().map(e -> e.action() + " " + e.actor()).toList();
    }

    @Test
    void aConfirmedOutageIsDraftedAtOnceAndPublishedAfterTheDelay() {
        verdict("mail-smtp", Verdict.UP, Verdict.DOWN);
        var drafts = notices.open();
        assertThat(drafts).hasSize(1);
        var draft = drafts.getFirst();
        assertThat(draft.body().in("en")).startsWith("Since 09:00 JST, Mail cannot be used").contains("Next update by 09:33 JST");
        assertThat(draft.body().in("ja")).startsWith("09:00 JST頃から、メールがご利用いただけない");
        assertThat(draft.publishAt()).contains(T0.plusSeconds(180));

        clock.set(T0.plusSeconds(179));
        assertThat(notices.tick()).isZero();
        clock.set(T0.plusSeconds(180));
        assertThat(notices.tick()).isEqualTo(1);
        var published = store.draft(draft.id()).orElseThrow();
        assertThat(published.state()).isEqualTo(DraftState.PUBLISHED);
        var incident = hub.database().incidents().find(published.incidentId().orElseThrow()).orElseThrow();
        assertThat(incident.name().in("en")).isEqualTo("Mail is unavailable");
        assertThat(incident.updates().getFirst().body().in("en")).contains("Next update by 09:33 JST");
        assertThat(java.time.Duration.between(published.detectedAt(), published.publishedAt().orElseThrow())).hasSeconds(180);
        assertThat(store.promises(incident.id()).getLast().nextUpdateBy()).contains(T0.plusSeconds(180 + 30 * 60));
        assertThat(auditActions()).contains("incident.draft noroshi (first notice)", "incident.open noroshi (first notice)",
                "incident.draft.publish noroshi (first notice)");

        // the same outage seen again, or by another monitor, drafts nothing more
        verdict("mail-smtp", Verdict.DEGRADED, Verdict.DOWN);
        assertThat(notices.open()).isEmpty();
    }

    @Test
    void aDraftTakenOverIsNeverPublishedByItself() {
        verdict("mail-smtp", Verdict.UP, Verdict.DOWN);
        var draft = notices.open().getFirst();
        var operator = hub.admin().accounts().create("ops@example.com", "correct horse battery".toCharArray());
        var taken = notices.take(Actor.session(operator), draft.id());
        assertThat(taken.owner()).contains("ops@example.com");
        clock.set(T0.plusSeconds(3600));
        assertThat(notices.tick()).isZero();
        assertThat(hub.database().incidents().unresolved()).isEmpty();
        var incident = notices.publish(Actor.session(operator), draft.id(),
                Text.of("Customers cannot send Mail since 09:00 JST. Messages are queued; nothing is lost. No workaround yet. Next update by 10:30 JST."));
        assertThat(incident.updates().getFirst().body().in("en")).startsWith("Customers cannot send Mail");
        assertThat(auditActions()).contains("incident.draft.take ops@example.com", "incident.open ops@example.com",
                "incident.draft.publish ops@example.com");
        assertThatThrownBy(() -> notices.publish(Actor.session(operator), draft.id(), Text.EMPTY)).isInstanceOf(InvalidTransition.class);
    }

    @Test
    void aComponentSwitchedOffIsNeverDraftedAndARecoveryOnlySuggests() {
        verdict("lab-smtp", Verdict.UP, Verdict.DOWN);
        assertThat(notices.open()).isEmpty();

        verdict("mail-smtp", Verdict.UP, Verdict.DOWN);
        clock.set(T0.plusSeconds(180));
        notices.tick();
        String incident = hub.database().incidents().unresolved().getFirst().id();
        clock.set(T0.plusSeconds(900));
        verdict("mail-smtp", Verdict.DOWN, Verdict.UP);
        assertThat(hub.database().incidents().find(incident).orElseThrow().isResolved()).isFalse();
        assertThat(store.suggestions(incident)).extracting(CommsStore.Suggestion::step).containsExactly("monitoring");
    }

    @Test
    void aRecoveryBeforePublicationLeavesTheDraftToAnOperator() {
        verdict("mail-smtp", Verdict.UP, Verdict.DOWN);
        clock.set(T0.plusSeconds(60));
        verdict("mail-smtp", Verdict.DOWN, Verdict.UP);
        clock.set(T0.plusSeconds(600));
        assertThat(notices.tick()).isZero();
        assertThat(store.drafts(java.util.Set.of(DraftState.RECOVERED))).hasSize(1);
        assertThat(hub.database().incidents().unresolved()).isEmpty();
    }
}
