package io.noroshi.comms;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.account.Actor;
import io.noroshi.admin.IncidentDraft;
import io.noroshi.admin.UpdateDraft;
import io.noroshi.testing.MovableClock;
import io.noroshi.config.Text;
import io.noroshi.hub.Hub;
import io.noroshi.hub.HubOptions;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reminders go to the people on call from the roster; one nobody acknowledges escalates to the next person. */
class EscalationTest {

    private static final String CONFIG = """
            page:
              name: Example
            components:
              - id: mail
                name: Mail
            communication:
              lint: {require_override: false}
              escalate_after: 10m
              roster:
                commander: {people: [aiko, ben], time_zone: Asia/Tokyo, hand_off: "09:00", start: 2026-03-01}
                comms_lead: {people: [dana, eli], time_zone: Europe/London, hand_off: "08:00", start: 2026-03-01}
            """;
    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(T0);
    private Hub hub;
    private String incident;
    private Actor actor;

    @BeforeEach
    void start() throws Exception {
        hub = Hub.start(new HubOptions(Files.writeString(dir.resolve("noroshi.yaml"), CONFIG), false, "127.0.0.1", 0, dir.resolve("data"), null), clock);
        actor = Actor.session(hub.admin().accounts().create("ops@example.com", "correct horse battery".toCharArray()));
        incident = hub.admin().incidents().open(actor, new IncidentDraft(Text.of("Mail delayed"), Impact.MAJOR,
                new UpdateDraft(IncidentStatus.INVESTIGATING, Text.of("Customers cannot send Mail."), List.of(), true,
                        Map.of("next_update_by", "2026-03-01T02:30:00Z")))).id();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private List<String> at(String hhmm) {
        clock.set(Instant.parse("2026-03-01T" + hhmm + ":00Z"));
        hub.communication().ticker(() -> { }).tick();
        return ((RecordingMessenger) hub.communication().messenger()).told().stream().map(RecordingMessenger.Told::to).toList();
    }

    @Test
    void anUnacknowledgedReminderEscalatesToTheNextPersonOnCall() {
        // 02:25 UTC: aiko holds commander (Tokyo, from 09:00 JST on 1 March), dana comms lead (London: from 08:00 on 28 Feb... by the start date's parity)
        assertThat(at("02:25")).hasSize(2).contains("aiko");
        assertThat(at("02:34")).hasSize(4); // the deadline reminder at 02:30 went out at this tick
        assertThat(at("02:35")).hasSize(6).contains("ben"); // the 02:25 reminder was not acknowledged for 10 minutes
        assertThat(hub.communication().store().reminders(incident)).extracting(CommsStore.Reminder::kind)
                .contains("escalation:next-update-soon");
    }

    @Test
    void anAcknowledgedReminderDoesNotEscalate() {
        at("02:25");
        assertThat(hub.communication().store().acknowledge(incident, Instant.parse("2026-03-01T02:26:00Z"))).isEqualTo(1);
        assertThat(at("02:29")).hasSize(2);
        assertThat(at("02:36")).hasSize(4); // only the deadline reminder of 02:30, itself not yet 10 minutes old
        assertThat(hub.communication().store().reminders(incident)).extracting(CommsStore.Reminder::kind)
                .doesNotContain("escalation:next-update-soon");
    }

    @Test
    void postingTheUpdateAcknowledgesItsReminders() {
        at("02:25");
        clock.set(Instant.parse("2026-03-01T02:27:00Z"));
        hub.admin().incidents().update(actor, incident, new UpdateDraft(IncidentStatus.IDENTIFIED, Text.of("Cause found."), List.of(), true,
                Map.of("next_update_by", "2026-03-01T03:00:00Z")));
        assertThat(at("02:40")).hasSize(2);
    }
}
