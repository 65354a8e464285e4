package io.noroshi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noroshi component list|override|clear}: component status overrides through a hub's admin API. */
@Command(name = "component", mixinStandardHelpOptions = true, description = "List components and override their status on a hub.",
        subcommands = {ComponentCommand.ListComponents.class, ComponentCommand.SetOverride.class, ComponentCommand.Clear.class})
public final class ComponentCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every component with its status and whether it is overridden.")
    static final class ListComponents implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            return hub.run(spec, c -> c.get("/components"), (list, out) -> {
                out.printf("%-24s  %-22s  %-10s  %s%n", "ID", "STATUS", "OVERRIDE", "UPDATED");
                for (JsonNode c : list) print(c, out);
            });
        }
    }

    @Command(name = "override", mixinStandardHelpOptions = true, description = "Set a component's status by hand; monitors no longer change it.")
    static final class SetOverride implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Parameters(index = "1", paramLabel = "STATUS",
                description = "operational, degraded_performance, partial_outage, major_outage or under_maintenance.") String status;

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            body.put("status", status);
            return hub.run(spec, c -> c.put("/components/" + id + "/override", body), ComponentCommand::print);
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Clear a component's override; monitors decide again.")
    static final class Clear implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override
        public Integer call() {
            return hub.run(spec, c -> c.delete("/components/" + id + "/override"), ComponentCommand::print);
        }
    }

    static void print(JsonNode c, PrintWriter out) {
        out.printf("%-24s  %-22s  %-10s  %s%n", c.path("id").asText(), c.path("status").asText(),
                c.path("overridden").asBoolean() ? "yes" : "no", c.path("updated_at").asText());
    }
}
