package io.noroshi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code noroshi audit-log}: who changed what, newest first, through a hub's admin API (token scope admin). */
@Command(name = "audit-log", mixinStandardHelpOptions = true, description = "Show the hub's audit log, newest first.")
public final class AuditLogCommand implements Callable<Integer> {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    @Mixin HubCall hub;
    @Spec CommandSpec spec;
    @Option(names = "--target", paramLabel = "KIND/ID", description = "Only entries about one target, e.g. incident/abc123def456.") String target;
    @Option(names = "--limit", defaultValue = "50", description = "At most this many entries, up to 1000 (default: ${DEFAULT-VALUE}).") int limit;
    @Option(names = "--before", paramLabel = "SEQ", description = "Only entries older than this sequence number (the next page).") Long before;
    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "Show times in this zone, e.g. UTC (default: the status page's time zone, as its pages show them).") String timeZone;

    @Override
    public Integer call() {
        ZoneId zone = null;
        try {
            if (timeZone != null) zone = ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("noroshi audit-log: --time-zone " + timeZone + " is not a time zone such as Asia/Tokyo or UTC");
            spec.commandLine().getErr().flush();
            return 1;
        }
        String query = "/audit?limit=" + limit + (before == null ? "" : "&before=" + before)
                + (target == null ? "" : "&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
        ZoneId chosen = zone;
        return hub.run(spec, c -> c.get(query), (entries, out) -> {
            out.printf("%-7s  %-25s  %-22s  %-28s  %s%n", "SEQ", "AT", "ACTION", "TARGET", "ACTOR");
            for (JsonNode e : entries) {
                String at = chosen != null || !e.hasNonNull("at_page")
                        ? Instant.parse(e.path("at").asText()).atZone(chosen == null ? ZoneId.of("UTC") : chosen).format(SHOWN)
                        : java.time.OffsetDateTime.parse(e.path("at_page").asText()).format(SHOWN);
                out.printf("%-7d  %-25s  %-22s  %-28s  %s%n", e.path("seq").asLong(), at, e.path("action").asText(),
                        e.path("target").asText(), e.path("actor").asText());
            }
            if (entries.size() == limit && !entries.isEmpty()) {
                out.printf("(more: --before %d)%n", entries.get(entries.size() - 1).path("seq").asLong());
            }
        });
    }
}
