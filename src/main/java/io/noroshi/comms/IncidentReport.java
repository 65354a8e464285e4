package io.noroshi.comms;

import io.noroshi.comms.CommsStore.Draft;
import io.noroshi.comms.CommsStore.EstimateEvent;
import io.noroshi.comms.CommsStore.EstimateKind;
import io.noroshi.comms.CommsStore.Promise;
import io.noroshi.comms.CommsStore.Reminder;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentUpdate;
import io.noroshi.notify.Outbox.ChannelCounts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The post-incident report of one incident, as Markdown: the timeline (detection, first notice,
 * every update, every estimate given, revised or missed, the reminders, the resolution) and the
 * figures (time to first notice, promises kept, the longest silence, estimates missed), and what the
 * notifications outbox delivered of the incident's notices, per channel.
 */
public final class IncidentReport {

    /** The figures, also for a drill to compare with its script. */
    public record Figures(Optional<Instant> detectedAt, Optional<Duration> timeToFirstNotice, int promises, int promisesKept,
                          Duration longestSilence, int estimatesGiven, int estimatesRevised, int estimatesMissed, int reminders) {
        public double promisesKeptPercent() {
            return promises == 0 ? 100.0 : 100.0 * promisesKept / promises;
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    /** The outbox's delivery log, per channel, of every notice about one target ({@code incident/ID}). */
    @FunctionalInterface
    public interface DeliveryLog {
        /** No notifications on this hub: nothing was delivered. */
        DeliveryLog NONE = target -> List.of();

        List<ChannelCounts> deliveries(String target);
    }

    private final CommsStore store;
    private final ZoneId zone;
    private final Roster roster;
    private final DeliveryLog deliveryLog;

    public IncidentReport(CommsStore store, ZoneId zone, Roster roster, DeliveryLog deliveryLog) {
        this.store = store;
        this.zone = zone;
        this.roster = roster;
        this.deliveryLog = deliveryLog;
    }

    /** What the outbox did with the incident's notices, per channel (subscribers' e-mail, webhooks, team rooms). */
    public List<ChannelCounts> deliveries(Incident incident) {
        return deliveryLog.deliveries("incident/" + incident.id());
    }

    public Figures figures(Incident incident) {
        Optional<Draft> draft = store.draftOf(incident.id());
        Optional<Instant> detected = draft.map(Draft::detectedAt);
        Instant first = incident.updates().isEmpty() ? incident.createdAt() : incident.updates().getFirst().createdAt();
        List<Promise> promises = store.promises(incident.id());
        int due = 0;
        int kept = 0;
        for (int i = 0; i < promises.size(); i++) {
            if (promises.get(i).nextUpdateBy().isEmpty()) continue;
            Instant by = promises.get(i).nextUpdateBy().get();
            Optional<Instant> next = i + 1 < promises.size() ? Optional.of(promises.get(i + 1).postedAt()) : Optional.empty();
            if (next.isEmpty()) continue; // the last promise of an open incident is not due for judgement yet
            due++;
            if (!next.get().isAfter(by)) kept++;
        }
        Duration longest = Duration.ZERO;
        List<IncidentUpdate> updates = incident.updates();
        Instant previous = detected.orElse(first);
        for (IncidentUpdate u : updates) {
            Duration gap = Duration.between(previous, u.createdAt());
            if (gap.compareTo(longest) > 0) longest = gap;
            previous = u.createdAt();
        }
        List<EstimateEvent> estimates = store.estimates(incident.id());
        return new Figures(detected, detected.map(d -> Duration.between(d, first)), due, kept, longest,
                count(estimates, EstimateKind.GIVEN), count(estimates, EstimateKind.REVISED), count(estimates, EstimateKind.MISSED),
                store.reminders(incident.id()).size());
    }

    public String markdown(Incident incident) {
        Figures f = figures(incident);
        var out = new StringBuilder();
        out.append("# Post-incident report: ").append(incident.name().in("en")).append(" (").append(incident.id()).append(")\n\n");
        out.append("Impact: ").append(incident.impact().wire()).append(" · Status: ").append(incident.status().wire())
                .append(" · Opened: ").append(when(incident.createdAt()));
        incident.updates().stream().filter(u -> u.status().equals("resolved")).reduce((a, b) -> b)
                .ifPresent(u -> out.append(" · Resolved: ").append(when(u.createdAt())));
        out.append("\n\n## Figures\n\n| Figure | Value |\n|---|---|\n");
        out.append("| Detected by monitoring | ").append(f.detectedAt().map(this::when).orElse("no (opened by hand)")).append(" |\n");
        out.append("| Time to first notice | ").append(f.timeToFirstNotice().map(IncidentReport::span).orElse("—")).append(" |\n");
        out.append("| Promises kept | ").append(f.promisesKept()).append(" of ").append(f.promises())
                .append(String.format(Locale.ROOT, " (%.0f%%)", f.promisesKeptPercent())).append(" |\n");
        out.append("| Longest silence | ").append(span(f.longestSilence())).append(" |\n");
        out.append("| Estimates given / revised / missed | ").append(f.estimatesGiven()).append(" / ").append(f.estimatesRevised()).append(" / ")
                .append(f.estimatesMissed()).append(" |\n");
        out.append("| Reminders to the team | ").append(f.reminders()).append(" |\n");
        List<ChannelCounts> deliveries = deliveries(incident);
        out.append("| Deliveries | ").append(deliveries.stream().mapToLong(ChannelCounts::sent).sum()).append(" delivered, ")
                .append(deliveries.stream().mapToLong(c -> c.pending() + c.failed()).sum()).append(" pending, ")
                .append(deliveries.stream().mapToLong(ChannelCounts::dead).sum()).append(" failed for good |\n");
        out.append("\n## Deliveries per channel\n\n");
        if (deliveries.isEmpty()) {
            out.append("No notice of this incident went to a channel or a subscriber.\n");
        } else {
            // No last error here: a report is shared, and a mail server's refusal may quote an address.
            out.append("| Channel | Delivered | Pending | Failed, retrying | Failed for good |\n|---|---|---|---|---|\n");
            for (ChannelCounts c : deliveries) {
                out.append("| ").append(cell(c.channel())).append(" | ").append(c.sent()).append(" | ").append(c.pending()).append(" | ")
                        .append(c.failed()).append(" | ").append(c.dead()).append(" |\n");
            }
        }
        out.append("\n## Timeline\n\n");
        record Line(Instant at, String text) {
        }
        var lines = new ArrayList<Line>();
        store.draftOf(incident.id()).ifPresent(d -> {
            lines.add(new Line(d.detectedAt(), "Outage confirmed by the monitoring (monitor `" + d.monitorId() + "`, component `" + d.componentId() + "`)"));
            lines.add(new Line(d.draftedAt(), "First notice drafted" + d.owner().map(o -> ", taken over by " + o).orElse(" by the hub")));
        });
        for (IncidentUpdate u : incident.updates()) {
            lines.add(new Line(u.createdAt(), "Update (" + u.status() + "): " + firstLine(u.body().in("en"))));
        }
        for (EstimateEvent e : store.estimates(incident.id())) {
            String what = switch (e.kind()) {
                case GIVEN -> "Estimate given: " + e.estimateAt().map(this::when).orElse("") + ", " + e.confidence() + " confidence";
                case REVISED -> "Estimate revised: " + e.estimateAt().map(this::when).orElse("") + ", " + e.confidence() + " confidence";
                case UNKNOWN -> "Estimate declared unknown";
                case MISSED -> "Estimate missed: " + e.estimateAt().map(this::when).orElse("") + " passed without resolution";
            };
            lines.add(new Line(e.at(), what));
        }
        for (Reminder r : store.reminders(incident.id())) {
            lines.add(new Line(r.sentAt(), "Reminder `" + r.kind() + "` to " + String.join(", ", r.recipients())
                    + r.acknowledgedAt().map(a -> " (acknowledged " + when(a) + ")").orElse("")));
        }
        Instant end = incident.isResolved() ? incident.updatedAt() : Instant.now();
        for (var rotation : roster.rotations().entrySet()) {
            for (Instant handOff : rotation.getValue().handOffs(incident.createdAt(), end)) {
                lines.add(new Line(handOff, "Hand-off: " + rotation.getKey() + " " + rotation.getValue().onCall(handOff.minusSeconds(1))
                        + " → " + rotation.getValue().onCall(handOff)));
            }
        }
        lines.sort(Comparator.comparing(Line::at));
        for (Line l : lines) out.append("- ").append(when(l.at())).append(" — ").append(l.text()).append('\n');
        return out.toString();
    }

    /** A table cell: one line, no pipe to break the row. */
    private static String cell(String text) {
        return text.replace('|', '/').replaceAll("\\s+", " ").strip();
    }

    private static int count(List<EstimateEvent> events, EstimateKind kind) {
        return (int) events.stream().filter(e -> e.kind() == kind).count();
    }

    private String when(Instant at) {
        return WHEN.format(at.atZone(zone));
    }

    static String span(Duration d) {
        long minutes = d.toMinutes();
        long seconds = d.toSecondsPart();
        return minutes >= 60 ? "%dh %02dm".formatted(minutes / 60, minutes % 60) : "%dm %02ds".formatted(minutes, seconds);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
