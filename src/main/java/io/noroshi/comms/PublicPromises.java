package io.noroshi.comms;

import io.noroshi.comms.CommsStore.EstimateEvent;
import io.noroshi.comms.CommsStore.Promise;
import io.noroshi.config.Text;
import io.noroshi.incident.Incident;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the public page says under an open incident about the team's promises, honestly: when the
 * next update is due, or that it is overdue; the estimate of recovery with its confidence, or that it
 * has passed and a revision is coming, or that there is none yet. In English and Japanese.
 */
public final class PublicPromises {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final CommsStore store;
    private final ZoneId zone;

    public PublicPromises(CommsStore store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    /** The notes for each of {@code unresolved}, by incident id, as of {@code now}. */
    public Map<String, List<Text>> notes(List<Incident> unresolved, Instant now) {
        var notes = new HashMap<String, List<Text>>();
        for (Incident incident : unresolved) {
            var lines = new ArrayList<Text>();
            List<Promise> promises = store.promises(incident.id());
            if (!promises.isEmpty()) promises.getLast().nextUpdateBy().ifPresent(due -> lines.add(nextUpdate(due, now)));
            UpdatePromises.current(store.estimates(incident.id())).ifPresent(e -> lines.add(estimate(e, now)));
            if (!lines.isEmpty()) notes.put(incident.id(), List.copyOf(lines));
        }
        return notes;
    }

    private Text nextUpdate(Instant due, Instant now) {
        String at = time(due, zone);
        if (now.isBefore(due)) return Text.of("Next update by " + at + ".", "次回の更新は" + at + "までに行います。");
        return Text.of("The next update was due at " + at + " and is overdue. We are sorry: it is coming.",
                "次回の更新予定（" + at + "）を過ぎています。申し訳ありません。まもなくお知らせします。");
    }

    private Text estimate(EstimateEvent e, Instant now) {
        Optional<Instant> at = e.estimateAt();
        if (at.isEmpty()) return Text.of("There is no estimate of recovery yet.", "復旧の見込みはまだ立っていません。");
        String when = time(at.get(), zone);
        if (now.isAfter(at.get())) {
            return Text.of("Our estimate of recovery by " + when + " has passed. A revised estimate is coming.",
                    when + "の復旧見込みを過ぎました。改めて見込みをお知らせします。");
        }
        return Text.of("Estimated recovery: " + when + " (" + e.confidence() + " confidence).",
                "復旧見込み：" + when + "（確度：" + confidenceJa(e.confidence()) + "）");
    }

    private static String confidenceJa(String confidence) {
        return switch (confidence) {
            case "high" -> "高";
            case "medium" -> "中";
            default -> "低";
        };
    }

    /** "14:30 JST": a time of day in the page's zone, with the zone's short name. */
    static String time(Instant at, ZoneId zone) {
        var local = at.atZone(zone);
        return HH_MM.format(local) + " " + java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(local);
    }
}
