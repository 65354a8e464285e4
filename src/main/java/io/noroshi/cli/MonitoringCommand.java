package io.noroshi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code noroshi monitoring}: every monitor's verdict, its vantage points (a disagreeing one marked)
 * and the agents, through a hub's admin API ({@code GET /api/admin/v1/monitoring}, scope read) -- the
 * admin page's content for a terminal.
 */
@Command(name = "monitoring", mixinStandardHelpOptions = true, description = "Show monitor verdicts, vantage points and agents of a hub.")
public final class MonitoringCommand implements Callable<Integer> {

    @Mixin HubCall hub;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        return hub.run(spec, c -> c.get("/monitoring"), (answer, out) -> {
            out.printf("%-24s  %-8s  %-25s  %s%n", "MONITOR", "VERDICT", "SINCE", "VANTAGE POINTS (last result; ! disagrees)");
            for (JsonNode m : answer.path("monitors")) {
                var vantages = new StringBuilder();
                for (JsonNode v : m.path("vantage_points")) {
                    vantages.append(v.path("disagrees").asBoolean() ? "!" : "").append(v.path("vantage").asText()).append('=')
                            .append(v.path("last_outcome").asText()).append(v.path("stale").asBoolean() ? "(silent)" : "").append(' ');
                }
                String held = m.path("damping").path("held_until").isNull() ? "" : "  flapping, held until " + m.path("damping").path("held_until").asText();
                out.printf("%-24s  %-8s  %-25s  %s%s%n", m.path("id").asText(), m.path("verdict").asText(),
                        m.path("since").isNull() ? "-" : m.path("since").asText(), vantages.toString().strip(), held);
            }
            if (!answer.path("agents").isEmpty()) {
                out.printf("%n%-16s  %-30s  %-8s  %-8s  %s%n", "AGENT", "LAST SEEN", "VERSION", "RESULTS", "FAILED LOGINS");
                for (JsonNode a : answer.path("agents")) {
                    out.printf("%-16s  %-30s  %-8s  %-8d  %d%n", a.path("vantage").asText(),
                            a.path("last_seen").isNull() ? "never (since the hub started)" : a.path("last_seen").asText(),
                            a.path("version").isNull() ? "-" : a.path("version").asText(), a.path("results_received").asLong(),
                            a.path("failed_logins").asLong());
                }
            }
        });
    }
}
