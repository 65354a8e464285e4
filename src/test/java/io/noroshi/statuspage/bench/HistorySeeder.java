package io.noroshi.statuspage.bench;

import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Text;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore;
import io.noroshi.incident.IncidentStore.NewUpdate;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseSettings;
import io.noroshi.uptime.DailyUptime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Gives a hub years of history before it starts, through the store layer (the admin API would take
 * an hour for 10,000 incidents): a config with {@code components} components in ten groups, and
 * {@code incidents} resolved incidents, each with three updates in English and Japanese of about a
 * hundred characters, one every eight hours back from now, plus 90 days of uptime per component.
 * Used by {@code bench/history} and by the small-heap start-up test.
 *
 * <p>Usage: {@code HistorySeeder DATA_DIR CONFIG_FILE INCIDENTS COMPONENTS}
 */
public final class HistorySeeder {

    /** Incidents written per transaction: one commit per incident made SQLite's fsyncs the whole cost. */
    private static final int BATCH = 200;
    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private HistorySeeder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) throw new IllegalArgumentException("usage: HistorySeeder DATA_DIR CONFIG_FILE INCIDENTS COMPONENTS");
        long started = System.nanoTime();
        seed(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Instant.now());
        System.out.printf("seeded incidents=%s components=%s in %.1f s%n", args[2], args[3], (System.nanoTime() - started) / 1e9);
    }

    /** Writes the config file and seeds the SQLite database in {@code data}. */
    public static void seed(Path data, Path config, int incidents, int components, Instant now) throws IOException {
        Files.writeString(config, config(components), StandardCharsets.UTF_8);
        try (Database db = Database.open(DatabaseSettings.Sqlite.inDataDir(data))) {
            IncidentStore store = db.incidents();
            for (int from = 0; from < incidents; from += BATCH) {
                int first = from;
                int last = Math.min(incidents, from + BATCH);
                db.allOrNothing().together(() -> {
                    for (int i = first; i < last; i++) incident(store, i, components, now.minus(Duration.ofHours(8L * (incidents - i))));
                    return null;
                });
            }
            LocalDate today = LocalDate.ofInstant(now, ZONE);
            db.allOrNothing().together(() -> {
                for (int c = 0; c < components; c++) {
                    for (int back = 0; back < 90; back++) {
                        long outage = (c * 7 + back * 13) % 41 == 0 ? 1800 : 0;
                        db.uptime().put(new DailyUptime(component(c), today.minusDays(back), 86_400 - outage, 0, outage, 0));
                    }
                }
                return null;
            });
        }
    }

    private static void incident(IncidentStore store, int i, int components, Instant start) {
        String component = component(i % components);
        var opened = store.open(Text.of("Mail delivery delays on relay " + i + " in Tokyo DC1", "東京第1データセンターの中継サーバー " + i + " でメール配送が遅延"),
                Impact.values()[1 + i % 3], new NewUpdate(IncidentStatus.INVESTIGATING,
                        Text.of("We are investigating delays of outgoing mail on relay " + i + ". Incoming mail is not affected so far.",
                                "中継サーバー " + i + " で送信メールの遅延を調査しています。現時点で受信メールへの影響はありません。"),
                        start, List.of(new AffectedComponent(component, ComponentStatus.OPERATIONAL, ComponentStatus.DEGRADED_PERFORMANCE))));
        store.addUpdate(opened.id(), new NewUpdate(IncidentStatus.IDENTIFIED,
                Text.of("A full disk on relay " + i + " held the queue. We are moving the queue to a spare disk now.",
                        "中継サーバー " + i + " のディスクが満杯でキューが滞留していました。予備ディスクへ移しています。"),
                start.plus(Duration.ofMinutes(20)), List.of()));
        store.addUpdate(opened.id(), new NewUpdate(IncidentStatus.RESOLVED,
                Text.of("The queue of relay " + i + " is empty again and mail is delivered normally. No mail was lost.",
                        "中継サーバー " + i + " のキューは解消し、メールは正常に配送されています。メールの消失はありません。"),
                start.plus(Duration.ofMinutes(70)), List.of(new AffectedComponent(component, ComponentStatus.DEGRADED_PERFORMANCE,
                        ComponentStatus.OPERATIONAL))));
    }

    static String component(int index) {
        return "service-" + index;
    }

    /** A config with only a page and its components: the history is what is measured, not monitoring. */
    static String config(int components) {
        var yaml = new StringBuilder("""
                page:
                  id: history-bench
                  name: Busy Hosting
                  url: http://127.0.0.1:8080/
                  time_zone: Asia/Tokyo
                  languages: [en, ja]
                  default_language: en
                  description:
                    en: Service status of a hosting provider with years of history.
                    ja: 長い履歴を持つホスティング事業者の稼働状況です。

                component_groups:
                """);
        for (int g = 0; g < 10; g++) yaml.append("  - id: group-").append(g).append("\n    name: {en: Region ").append(g).append(", ja: 地域 ").append(g).append("}\n");
        yaml.append("\ncomponents:\n");
        for (int c = 0; c < components; c++) {
            yaml.append("  - id: ").append(component(c)).append("\n    name: {en: Service ").append(c).append(", ja: サービス ").append(c)
                    .append("}\n    group: group-").append(c % 10).append('\n');
        }
        return yaml.toString();
    }
}
