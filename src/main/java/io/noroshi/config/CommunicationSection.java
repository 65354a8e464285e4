package io.noroshi.config;

import io.noroshi.comms.CommunicationSettings;
import io.noroshi.comms.CommunicationSettings.FirstNotice;
import io.noroshi.comms.CommunicationSettings.Lint;
import io.noroshi.comms.CommunicationSettings.NextUpdate;
import io.noroshi.comms.Templates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code communication:} section (owned by {@code io.noroshi.comms}) into
 * {@link CommunicationSettings}; every problem names its key and line, a template's unknown
 * placeholder included.
 */
final class CommunicationSection {

    private CommunicationSection() {
    }

    /** @param channels the names of the notification channels (a roster contact must name one) */
    static CommunicationSettings read(YamlSection top, List<Component> components, List<String> channels) {
        return top.section("communication").map(s -> settings(s, components, channels)).orElse(CommunicationSettings.none());
    }

    private static CommunicationSettings settings(YamlSection s, List<Component> components, List<String> channels) {
        var defaults = CommunicationSettings.none();
        Lint lint = s.section("lint").map(CommunicationSection::lint).orElse(new Lint(true, defaults.lint().maxLengthEn(), defaults.lint().maxLengthJa()));
        NextUpdate next = s.section("next_update").map(CommunicationSection::nextUpdate).orElse(defaults.nextUpdate());
        Duration remind = Durations.positive(s, "remind_before").orElse(CommunicationSettings.DEFAULT_REMIND_BEFORE);
        List<Duration> warnings = defaults.estimateWarnings();
        if (s.has("estimate_warnings")) {
            var read = new ArrayList<Duration>();
            for (String w : s.strings("estimate_warnings")) Durations.parse(s, "estimate_warnings", w).ifPresent(read::add);
            read.sort(java.util.Comparator.reverseOrder());
            warnings = read;
        }
        FirstNotice first = s.section("first_notice").map(f -> firstNotice(f, components)).orElse(defaults.firstNotice());
        Map<String, Text> templates = new HashMap<>(defaults.templates());
        s.section("templates").ifPresent(t -> {
            for (String phase : CommunicationSettings.PHASES) {
                if (!t.has(phase)) continue;
                Text text = t.text(phase);
                for (String language : text.byLanguage().keySet()) {
                    for (String unknown : Templates.unknownPlaceholders(text.byLanguage().get(language))) {
                        t.problem(phase, "unknown placeholder {" + unknown + "} in the " + language + " text; known: "
                                + String.join(", ", CommunicationSettings.PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList()));
                    }
                }
                templates.put(phase, text);
            }
            t.finish("a phase (" + String.join(", ", CommunicationSettings.PHASES) + ")");
        });
        var roster = s.section("roster").map(r -> roster(r, channels)).orElse(io.noroshi.comms.Roster.NONE);
        Duration escalate = Durations.positive(s, "escalate_after").orElse(io.noroshi.comms.Roster.DEFAULT_ESCALATE_AFTER);
        s.finish();
        return new CommunicationSettings(true, lint, next, remind, warnings, first, templates, roster, escalate);
    }

    private static io.noroshi.comms.Roster roster(YamlSection s, List<String> channels) {
        var rotations = new java.util.HashMap<String, io.noroshi.comms.Roster.Rotation>();
        for (String role : List.of("commander", "comms_lead")) {
            s.section(role).ifPresent(r -> {
                List<String> people = r.strings("people");
                if (people.isEmpty()) r.problem("people", "is required: the people on call, in order");
                java.time.ZoneId zone = r.string("time_zone").flatMap(z -> {
                    try {
                        return java.util.Optional.of(java.time.ZoneId.of(z));
                    } catch (java.time.DateTimeException e) {
                        r.problem("time_zone", "'" + z + "' is not a time zone (e.g. Asia/Tokyo, UTC)");
                        return java.util.Optional.empty();
                    }
                }).orElse(java.time.ZoneOffset.UTC);
                java.time.LocalTime handOff = r.string("hand_off").flatMap(t -> {
                    try {
                        return java.util.Optional.of(java.time.LocalTime.parse(t.length() == 4 ? "0" + t : t));
                    } catch (java.time.format.DateTimeParseException e) {
                        r.problem("hand_off", "'" + t + "' is not a time of day such as 09:00");
                        return java.util.Optional.empty();
                    }
                }).orElse(java.time.LocalTime.of(9, 0));
                java.time.LocalDate start = r.string("start").flatMap(d -> {
                    try {
                        return java.util.Optional.of(java.time.LocalDate.parse(d));
                    } catch (java.time.format.DateTimeParseException e) {
                        r.problem("start", "'" + d + "' is not a date such as 2026-03-01");
                        return java.util.Optional.empty();
                    }
                }).orElse(java.time.LocalDate.of(2026, 1, 1));
                r.finish();
                if (!people.isEmpty()) {
                    rotations.put(role.equals("comms_lead") ? io.noroshi.comms.TeamRoles.COMMS_LEAD : io.noroshi.comms.TeamRoles.COMMANDER,
                            new io.noroshi.comms.Roster.Rotation(people, zone, handOff, start));
                }
            });
        }
        // contacts: {person: channel}: the person's own channel for reminders (else the team's reminder routes)
        var onRoster = rotations.values().stream().flatMap(r -> r.people().stream()).collect(java.util.stream.Collectors.toSet());
        var contacts = new HashMap<String, String>();
        s.section("contacts").ifPresent(c -> {
            for (String person : c.keys()) {
                c.string(person).ifPresent(channel -> {
                    if (!onRoster.contains(person)) c.problem(person, "'" + person + "' is not on the roster; people: " + onRoster.stream().sorted().toList());
                    else if (!channels.contains(channel)) c.problem(person, "no channel is named '" + channel + "'; channels: " + channels);
                    else contacts.put(person, channel);
                });
            }
            c.finish();
        });
        s.finish("a role (commander, comms_lead) or contacts");
        return new io.noroshi.comms.Roster(rotations, contacts);
    }

    private static Lint lint(YamlSection s) {
        boolean require = s.string("require_override").map(v -> bool(s, "require_override", v)).orElse(true);
        int en = CommunicationSettings.none().lint().maxLengthEn();
        int ja = CommunicationSettings.none().lint().maxLengthJa();
        var lengths = s.section("max_length");
        if (lengths.isPresent()) {
            en = positiveInt(lengths.get(), "en", en);
            ja = positiveInt(lengths.get(), "ja", ja);
            lengths.get().finish("en or ja");
        }
        s.finish();
        return new Lint(require, en, ja);
    }

    private static NextUpdate nextUpdate(YamlSection s) {
        var d = NextUpdate.defaults();
        var next = new NextUpdate(Durations.positive(s, "critical").orElse(d.critical()), Durations.positive(s, "critical_early").orElse(d.criticalEarly()),
                Durations.positive(s, "critical_later").orElse(d.criticalLater()), Durations.positive(s, "major").orElse(d.major()),
                Durations.positive(s, "minor").orElse(d.minor()));
        s.finish();
        return next;
    }

    private static FirstNotice firstNotice(YamlSection s, List<Component> components) {
        var d = FirstNotice.defaults();
        Duration delay = Durations.read(s, "delay").orElse(d.delay());
        if (delay.isNegative()) s.problem("delay", "must not be negative");
        boolean auto = s.string("auto_publish_major").map(v -> bool(s, "auto_publish_major", v)).orElse(d.autoPublishMajor());
        var off = new HashSet<String>();
        var known = components.stream().map(Component::id).toList();
        for (String id : s.strings("off_for")) {
            if (!known.contains(id)) s.problem("off_for", "'" + id + "' is not a component id (known: " + String.join(", ", known) + ")");
            off.add(id);
        }
        s.finish();
        return new FirstNotice(delay, auto, off);
    }

    private static boolean bool(YamlSection s, String key, String value) {
        if (value.equals("true")) return true;
        if (value.equals("false")) return false;
        s.problem(key, "must be true or false, not '" + value + "'");
        return true;
    }

    private static int positiveInt(YamlSection s, String key, int fallback) {
        return s.string(key).map(v -> {
            try {
                int n = Integer.parseInt(v);
                if (n > 0) return n;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            s.problem(key, "must be a positive number of characters, not '" + v + "'");
            return fallback;
        }).orElse(fallback);
    }
}
