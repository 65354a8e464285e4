package io.noroshi.comms;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The on-call roster of {@code communication.roster}: per role a daily rotation of people, handed
 * off at a local time in its own time zone. Who holds a role at an instant follows from the config
 * alone, so every hub agrees and the report can list the hand-offs during an incident.
 *
 * @param contacts a person's own notification channel (by name) for reminders; a person without one is
 *                 reminded through the team's reminder routes
 */
public record Roster(Map<String, Rotation> rotations, Map<String, String> contacts) implements TeamRoles {

    public Roster {
        rotations = Map.copyOf(rotations);
        contacts = Map.copyOf(contacts);
    }

    public Roster(Map<String, Rotation> rotations) {
        this(rotations, Map.of());
    }

    public static final Roster NONE = new Roster(Map.of());

    /** The channel that reaches {@code personOrRole} directly, if the roster names one. */
    public java.util.Optional<String> contact(String personOrRole) {
        return java.util.Optional.ofNullable(contacts.get(personOrRole));
    }

    /**
     * One role's rotation: {@code people.get(0)} is on call from {@code handOff} on {@code start}
     * (in {@code zone}) for a day, then the next, round and round.
     */
    public record Rotation(List<String> people, ZoneId zone, LocalTime handOff, LocalDate start) {
        public Rotation {
            people = List.copyOf(people);
        }

        /** The index of the person on call at {@code at}. */
        int index(Instant at) {
            ZonedDateTime local = at.atZone(zone);
            LocalDate shift = local.toLocalTime().isBefore(handOff) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
            return (int) Math.floorMod(ChronoUnit.DAYS.between(start, shift), (long) people.size());
        }

        public String onCall(Instant at) {
            return people.get(index(at));
        }

        /** The person after the one on call: who an unacknowledged reminder escalates to. */
        public String next(Instant at) {
            return people.get((index(at) + 1) % people.size());
        }

        /** The hand-offs strictly between {@code from} and {@code to}. */
        public List<Instant> handOffs(Instant from, Instant to) {
            var out = new ArrayList<Instant>();
            LocalDate day = from.atZone(zone).toLocalDate();
            for (int i = 0; i < 400; i++) {
                Instant at = day.plusDays(i).atTime(handOff).atZone(zone).toInstant();
                if (!at.isBefore(to)) break;
                if (at.isAfter(from)) out.add(at);
            }
            return out;
        }
    }

    @Override
    public List<String> holders(String incidentId, String role, Instant at) {
        Rotation rotation = rotations.get(role);
        return rotation == null ? List.of(role) : List.of(rotation.onCall(at));
    }

    /** Who a reminder to {@code role} not acknowledged escalates to: the next person in its rotation, else the commander role. */
    public List<String> escalation(String role, Instant at) {
        Rotation rotation = rotations.get(role);
        if (rotation == null || rotation.people().size() < 2) return List.of(TeamRoles.COMMANDER.equals(role) ? "commander-backup" : TeamRoles.COMMANDER);
        return List.of(rotation.next(at));
    }

    /** The default time an unacknowledged reminder waits before it escalates. */
    public static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofMinutes(10);
}
