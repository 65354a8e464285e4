package io.noroshi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.config.ConfigLoader;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentUpdate;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseSettings;
import io.noroshi.uptime.DailyUptime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's seeded history tells one story: every promised next update comes in time, and the uptime
 * bars show the days the incidents tell of. Seeded at several times of day, so a story crossing
 * midnight in the page's time zone is tried too.
 */
class DemoHistoryAgreesWithItselfTest {

    private static final Pattern WITHIN = Pattern.compile("Next update within (\\d+) (minutes|hour)");
    private static final Pattern BY = Pattern.compile("Next update by (\\d{1,2}):(\\d{2}) JST");

    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-10T03:30:00Z", "2026-03-10T15:05:00Z", "2026-03-10T14:50:00Z"})
    void promisesAreKeptAndTheBarsShowTheIncidentsDays(String nowText) throws Exception {
        Instant now = Instant.parse(nowText);
        NoroshiConfig config = new ConfigLoader().load(Path.of("src/main/resources/demo/noroshi.yaml"));
        try (var db = Database.open(DatabaseSettings.fromCommandLine(data, Optional.empty()))) {
            new DemoHistory(db.incidents(), db.maintenance(), db.componentStates(), db.uptime()).seedIfEmpty(config, now);
            var byId = new java.util.LinkedHashMap<String, Incident>();
            db.incidents().history(0, 100).forEach(i -> byId.put(i.id(), i));
            db.incidents().unresolved().forEach(i -> byId.put(i.id(), i));
            var incidents = new ArrayList<>(byId.values());
            assertThat(incidents).hasSizeGreaterThanOrEqualTo(6);
            List<DailyUptime> days = db.uptime().since(LocalDate.ofInstant(now, config.page().timeZone()).minusDays(89));
            for (Incident incident : incidents) {
                var updates = incident.updates();
                for (int i = 0; i + 1 < updates.size(); i++) {
                    assertThat(updates.get(i + 1).createdAt()).as(incident.name().in("en") + ": update " + i + " promised " + updates.get(i).body().in("en"))
                            .isBeforeOrEqualTo(deadline(updates.get(i), config));
                }
                for (String component : incident.componentIds()) {
                    LocalDate day = LocalDate.ofInstant(incident.createdAt(), config.page().timeZone());
                    assertThat(days).as(component + " on " + day + " (" + incident.name().in("en") + ")")
                            .anySatisfy(d -> {
                                assertThat(d.componentId()).isEqualTo(component);
                                assertThat(d.day()).isEqualTo(day);
                                assertThat(d.degradedSeconds() + d.outageSeconds()).isPositive();
                            });
                }
            }
            // A day without an incident is a plain operational day: no bar tells of trouble nobody wrote about.
            long troubled = days.stream().filter(d -> d.degradedSeconds() + d.outageSeconds() > 0).count();
            long told = incidents.stream().mapToLong(i -> i.componentIds().size()).sum();
            assertThat(troubled).isBetween(told, told * 2);
        }
    }

    /** When the next update was due by what {@code update} said; far future when it promised nothing. */
    private static Instant deadline(IncidentUpdate update, NoroshiConfig config) {
        String text = update.body().in("en");
        var within = WITHIN.matcher(text);
        if (within.find()) {
            long minutes = within.group(2).equals("hour") ? 60 * Long.parseLong(within.group(1)) : Long.parseLong(within.group(1));
            return update.createdAt().plus(Duration.ofMinutes(minutes));
        }
        var by = BY.matcher(text);
        if (by.find()) {
            ZonedDateTime at = update.createdAt().atZone(config.page().timeZone());
            ZonedDateTime due = at.with(LocalTime.of(Integer.parseInt(by.group(1)), Integer.parseInt(by.group(2))));
            return (due.isBefore(at) ? due.plusDays(1) : due).toInstant();
        }
        return Instant.MAX;
    }
}
