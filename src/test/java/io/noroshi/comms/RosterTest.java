package io.noroshi.comms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The on-call rotation: who holds a role follows the hand-off time in the rotation's own time zone. */
class RosterTest {

    private final Roster.Rotation tokyo = new Roster.Rotation(List.of("aiko", "ben", "chen"), ZoneId.of("Asia/Tokyo"),
            LocalTime.of(9, 0), LocalDate.of(2026, 3, 1));
    private final Roster roster = new Roster(Map.of(TeamRoles.COMMANDER, tokyo));

    @Test
    void theHolderChangesAtTheHandOffInItsOwnZone() {
        // 2026-03-01 09:00 JST = 00:00 UTC
        assertThat(tokyo.onCall(Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo("aiko");
        assertThat(tokyo.onCall(Instant.parse("2026-03-01T23:59:59Z"))).isEqualTo("aiko");
        assertThat(tokyo.onCall(Instant.parse("2026-03-02T00:00:00Z"))).isEqualTo("ben");
        assertThat(tokyo.onCall(Instant.parse("2026-03-03T00:00:00Z"))).isEqualTo("chen");
        assertThat(tokyo.onCall(Instant.parse("2026-03-04T00:00:00Z"))).isEqualTo("aiko");
        assertThat(tokyo.onCall(Instant.parse("2026-02-28T23:59:59Z"))).isEqualTo("chen"); // before the start: the rotation runs backwards too
    }

    @Test
    void anUnacknowledgedReminderGoesToTheNextPersonAndRolesWithoutARotationAreToldByName() {
        Instant at = Instant.parse("2026-03-01T05:00:00Z");
        assertThat(roster.holders("i1", TeamRoles.COMMANDER, at)).containsExactly("aiko");
        assertThat(roster.escalation(TeamRoles.COMMANDER, at)).containsExactly("ben");
        assertThat(roster.holders("i1", TeamRoles.COMMS_LEAD, at)).containsExactly("comms-lead");
        assertThat(roster.escalation(TeamRoles.COMMS_LEAD, at)).containsExactly("commander");
    }

    @Test
    void handOffsDuringAnIncidentAreListed() {
        assertThat(tokyo.handOffs(Instant.parse("2026-03-01T20:00:00Z"), Instant.parse("2026-03-03T01:00:00Z")))
                .containsExactly(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z"));
    }
}
