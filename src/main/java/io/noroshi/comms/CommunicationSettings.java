package io.noroshi.comms;

import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code communication:} section of {@code noroshi.yaml}: how the hub coaches a team through
 * talking to its users during an incident.
 *
 * @param configured true when the section is in the file; without it the lint advises but does not block publishing
 * @param lint the update lint's settings
 * @param nextUpdate when the next update is due by default, from the impact
 * @param remindBefore how long before a promised update the commander and communications lead are reminded (and again at the deadline)
 * @param estimateWarnings how long before an estimate passes the commander is warned, longest first
 * @param firstNotice the draft incident a confirmed outage opens
 * @param templates update texts by phase ({@link #PHASES}), each in en and ja
 * @param roster who is on call for each role
 * @param escalateAfter how long a reminder waits for an acknowledgement before it goes to the next person
 */
public record CommunicationSettings(boolean configured, Lint lint, NextUpdate nextUpdate, Duration remindBefore,
                                    List<Duration> estimateWarnings, FirstNotice firstNotice, Map<String, Text> templates,
                                    Roster roster, Duration escalateAfter) {

    /** The phases a template exists for. */
    public static final List<String> PHASES = List.of("first_notice", "investigating", "identified", "monitoring", "resolved");
    /** The placeholders a template may use, each written {name}. */
    public static final Set<String> PLACEHOLDERS = Set.of("components", "since", "next_update", "impact", "incident", "estimate");

    public static final Duration DEFAULT_REMIND_BEFORE = Duration.ofMinutes(5);
    public static final List<Duration> DEFAULT_ESTIMATE_WARNINGS = List.of(Duration.ofMinutes(15), Duration.ofMinutes(5));

    public CommunicationSettings {
        estimateWarnings = List.copyOf(estimateWarnings);
        templates = Map.copyOf(templates);
    }

    /** Without a {@code communication:} section: defaults everywhere, and the lint does not block. */
    public static CommunicationSettings none() {
        return new CommunicationSettings(false, new Lint(false, LINT_EN, LINT_JA), NextUpdate.defaults(), DEFAULT_REMIND_BEFORE,
                DEFAULT_ESTIMATE_WARNINGS, FirstNotice.defaults(), Templates.DEFAULTS, Roster.NONE, Roster.DEFAULT_ESCALATE_AFTER);
    }

    static final int LINT_EN = 700;
    static final int LINT_JA = 350;

    /**
     * @param requireOverride publishing an update with findings needs {@code lint_override} (recorded in the audit log)
     * @param maxLengthEn the most characters the channels take in English
     * @param maxLengthJa the same in Japanese
     */
    public record Lint(boolean requireOverride, int maxLengthEn, int maxLengthJa) {
        public int maxLength(String language) {
            return language.equals("ja") ? maxLengthJa : maxLengthEn;
        }
    }

    /**
     * The default time to the next update: {@code critical} during the first {@code criticalEarly}
     * of an incident, then {@code criticalLater}; {@code major}, {@code minor} (also for none) throughout.
     */
    public record NextUpdate(Duration critical, Duration criticalEarly, Duration criticalLater, Duration major, Duration minor) {
        public static NextUpdate defaults() {
            return new NextUpdate(Duration.ofMinutes(20), Duration.ofHours(2), Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofMinutes(60));
        }

        /** How long after an update at {@code elapsed} into an incident of {@code impact} the next is due. */
        public Duration after(Impact impact, Duration elapsed) {
            return switch (impact) {
                case CRITICAL -> elapsed.compareTo(criticalEarly) < 0 ? critical : criticalLater;
                case MAJOR -> major;
                case MINOR, NONE -> minor;
            };
        }
    }

    /**
     * @param delay how long a draft waits for an operator before it is published on its own
     * @param autoPublishMajor publish drafts of major outages automatically (minor ones stay drafts)
     * @param offFor component ids whose outages never open a draft by themselves
     */
    public record FirstNotice(Duration delay, boolean autoPublishMajor, Set<String> offFor) {
        public FirstNotice {
            offFor = Set.copyOf(offFor);
        }

        public static FirstNotice defaults() {
            return new FirstNotice(Duration.ofMinutes(5), true, Set.of());
        }
    }
}
