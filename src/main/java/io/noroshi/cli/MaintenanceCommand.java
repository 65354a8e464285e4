package io.noroshi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noroshi maintenance schedule|start|verify|complete|cancel|list} through a hub's admin API. */
@Command(name = "maintenance", mixinStandardHelpOptions = true, description = "Schedule and run maintenance windows on a hub.",
        subcommands = {MaintenanceCommand.Schedule.class, MaintenanceCommand.Start.class, MaintenanceCommand.Verify.class, MaintenanceCommand.Complete.class, MaintenanceCommand.Cancel.class, MaintenanceCommand.ListMaintenance.class})
public final class MaintenanceCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "schedule", mixinStandardHelpOptions = true, description = "Announce a maintenance window.")
    static final class Schedule implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Option(names = "--name", paramLabel = "TEXT") String name;
        @Option(names = "--name-ja", paramLabel = "TEXT") String nameJa;
        @Option(names = "--from", required = true, paramLabel = "TIME", description = "Start, ISO-8601 UTC, e.g. 2026-03-01T01:00:00Z.") String from;
        @Option(names = "--until", required = true, paramLabel = "TIME", description = "End, ISO-8601 UTC.") String until;
        @Option(names = "--component", paramLabel = "ID", description = "A component it covers (repeatable).") List<String> components = new ArrayList<>();
        @Option(names = "--message", paramLabel = "TEXT") String message;
        @Option(names = "--message-ja", paramLabel = "TEXT") String messageJa;
        @Option(names = "--impact", defaultValue = "minor") String impact;
        @Option(names = "--auto-start", description = "The hub starts it at --from.") boolean autoStart;
        @Option(names = "--auto-complete", description = "The hub completes it at --until.") boolean autoComplete;

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            body.put("name", HubCall.text(name, nameJa));
            body.put("impact", impact);
            body.put("scheduled_for", from);
            body.put("scheduled_until", until);
            body.put("component_ids", components);
            body.put("body", HubCall.text(message, messageJa));
            body.put("auto_start", autoStart);
            body.put("auto_complete", autoComplete);
            return hub.run(spec, c -> c.post("/maintenance", body), MaintenanceCommand::printOne);
        }
    }

    /** start, complete and cancel differ only in the step they post. */
    abstract static class Step implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Option(names = "--message", paramLabel = "TEXT", description = "Update text in English (a default is used when absent).") String message;
        @Option(names = "--message-ja", paramLabel = "TEXT", description = "Update text in Japanese.") String messageJa;

        abstract String step();

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            if (HubCall.text(message, messageJa) != null) body.put("body", HubCall.text(message, messageJa));
            return hub.run(spec, c -> c.post("/maintenance/" + id + "/" + step(), body), MaintenanceCommand::printOne);
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start a maintenance: its components show under maintenance.")
    static final class Start extends Step {
        String step() {
            return "start";
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "The work is done and being verified (start again to resume work).")
    static final class Verify extends Step {
        String step() {
            return "verify";
        }
    }

    @Command(name = "complete", mixinStandardHelpOptions = true, description = "Complete a maintenance: its components go back to operational.")
    static final class Complete extends Step {
        String step() {
            return "complete";
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a maintenance (scheduled, in progress or verifying); its components go back to operational.")
    static final class Cancel extends Step {
        String step() {
            return "cancel";
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List maintenance: open first.")
    static final class ListMaintenance implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            return hub.run(spec, c -> c.get("/maintenance"), (list, out) -> {
                out.printf("%-12s  %-11s  %-20s  %-20s  %s%n", "ID", "STATUS", "FROM", "UNTIL", "NAME");
                for (JsonNode m : list) {
                    out.printf("%-12s  %-11s  %-20s  %-20s  %s%n", m.path("id").asText(), m.path("status").asText(),
                            m.path("scheduled_for").asText(), m.path("scheduled_until").asText(), HubCall.en(m.get("name")));
                }
            });
        }
    }

    static void printOne(JsonNode m, PrintWriter out) {
        out.printf("%s  %s  [%s] %s – %s%n", m.path("id").asText(), HubCall.en(m.get("name")), m.path("status").asText(),
                m.path("scheduled_for").asText(), m.path("scheduled_until").asText());
    }
}
