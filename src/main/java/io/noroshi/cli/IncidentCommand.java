package io.noroshi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noroshi incident open|update|resolve|reopen|postmortem|impact|list|show}: run incidents through a hub's admin API. */
@Command(name = "incident", mixinStandardHelpOptions = true, description = "Open, update, resolve, reopen and list incidents on a hub.",
        subcommands = {IncidentCommand.Open.class, IncidentCommand.Update.class, IncidentCommand.Resolve.class, IncidentCommand.Reopen.class,
                IncidentFollowUp.Postmortem.class, IncidentFollowUp.SetImpact.class, IncidentCommand.ListIncidents.class, IncidentCommand.Show.class,
                IncidentReportCommand.class})
public final class IncidentCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Message and component options shared by open, update and resolve. */
    static final class UpdateOptions {
        @Option(names = "--message", paramLabel = "TEXT", description = "Update text in English.")
        String message;
        @Option(names = "--message-ja", paramLabel = "TEXT", description = "Update text in Japanese.")
        String messageJa;
        @Option(names = "--component", paramLabel = "ID=STATUS", description = "A component and its new status, e.g. mail=major_outage (repeatable).")
        List<String> components = new ArrayList<>();
        @Option(names = "--no-notify", description = "Do not notify subscribers.")
        boolean noNotify;

        void into(Map<String, Object> body) {
            body.put("body", HubCall.text(message, messageJa));
            var changes = new ArrayList<Map<String, String>>();
            for (String c : components) {
                int eq = c.indexOf('=');
                changes.add(eq < 0 ? Map.of("id", c) : Map.of("id", c.substring(0, eq), "status", c.substring(eq + 1)));
            }
            if (!changes.isEmpty()) body.put("affected_components", changes);
            body.put("notify", !noNotify);
        }
    }

    @Command(name = "open", mixinStandardHelpOptions = true, description = "Open an incident with its first update.")
    static final class Open implements Callable<Integer> {
        @Mixin HubCall hub;
        @Mixin UpdateOptions update;
        @Spec CommandSpec spec;
        @Option(names = "--name", paramLabel = "TEXT", description = "Name in English.") String name;
        @Option(names = "--name-ja", paramLabel = "TEXT", description = "Name in Japanese.") String nameJa;
        @Option(names = "--impact", defaultValue = "minor", description = "none, minor, major or critical (default: ${DEFAULT-VALUE}).") String impact;
        @Option(names = "--status", defaultValue = "investigating", description = "investigating, identified or monitoring (default: ${DEFAULT-VALUE}).") String status;

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            body.put("name", HubCall.text(name, nameJa));
            body.put("impact", impact);
            body.put("status", status);
            update.into(body);
            return hub.run(spec, c -> c.post("/incidents", body), IncidentCommand::printOne);
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Post an update on an incident.")
    static final class Update implements Callable<Integer> {
        @Mixin HubCall hub;
        @Mixin UpdateOptions update;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Option(names = "--status", required = true, description = "investigating, identified, monitoring or resolved.") String status;

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            body.put("status", status);
            update.into(body);
            return hub.run(spec, c -> c.post("/incidents/" + id + "/updates", body), IncidentCommand::printOne);
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true, description = "Resolve an incident (the message is optional).")
    static final class Resolve implements Callable<Integer> {
        @Mixin HubCall hub;
        @Mixin UpdateOptions update;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            update.into(body);
            if (body.get("body") == null) body.remove("body");
            return hub.run(spec, c -> c.post("/incidents/" + id + "/resolve", body), IncidentCommand::printOne);
        }
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true,
            description = "Reopen a resolved incident; the reason is posted on the page as an update.")
    static final class Reopen implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, in English (this or --reason-ja is required).") String reason;
        @Option(names = "--reason-ja", paramLabel = "TEXT", description = "Why, in Japanese.") String reasonJa;
        @Option(names = "--status", defaultValue = "investigating", description = "investigating, identified or monitoring (default: ${DEFAULT-VALUE}).") String status;
        @Option(names = "--component", paramLabel = "ID=STATUS", description = "A component and its new status (repeatable).") List<String> components = new ArrayList<>();
        @Option(names = "--no-notify", description = "Do not notify subscribers.") boolean noNotify;

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            body.put("reason", HubCall.text(reason, reasonJa));
            body.put("status", status);
            var options = new UpdateOptions();
            options.components = components;
            options.noNotify = noNotify;
            options.into(body);
            body.remove("body");
            return hub.run(spec, c -> c.post("/incidents/" + id + "/reopen", body), IncidentCommand::printOne);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List incidents, newest first.")
    static final class ListIncidents implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Option(names = "--state", defaultValue = "all", description = "open, resolved or all (default: ${DEFAULT-VALUE}).") String state;
        @Option(names = "--search", paramLabel = "TEXT", description = "Only incidents whose name or updates contain TEXT.") String search;

        @Override
        public Integer call() {
            String q = search == null ? "" : "&q=" + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8);
            return hub.run(spec, c -> c.get("/incidents?state=" + java.net.URLEncoder.encode(state, java.nio.charset.StandardCharsets.UTF_8) + q),
                    IncidentCommand::printList);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one incident with its updates.")
    static final class Show implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override
        public Integer call() {
            return hub.run(spec, c -> c.get("/incidents/" + id), IncidentCommand::printOne);
        }
    }

    static void printList(JsonNode list, PrintWriter out) {
        out.printf("%-12s  %-13s  %-8s  %-24s  %s%n", "ID", "STATUS", "IMPACT", "UPDATED", "NAME");
        for (JsonNode i : list) {
            out.printf("%-12s  %-13s  %-8s  %-24s  %s%n", i.path("id").asText(), i.path("status").asText(), i.path("impact").asText(),
                    i.path("updated_at").asText(), HubCall.en(i.get("name")));
        }
    }

    static void printOne(JsonNode incident, PrintWriter out) {
        out.printf("%s  %s  [%s, impact %s]%n", incident.path("id").asText(), HubCall.en(incident.get("name")),
                incident.path("status").asText(), incident.path("impact").asText());
        if (incident.hasNonNull("resolved_at")) out.printf("  resolved at %s%n", incident.get("resolved_at").asText());
        for (JsonNode u : incident.path("updates")) {
            out.printf("  %s  %-13s  %s%n", u.path("created_at").asText(), u.path("status").asText(), HubCall.en(u.get("body")));
        }
        String postmortem = HubCall.en(incident.get("postmortem"));
        if (!postmortem.isEmpty()) {
            out.println("  postmortem:");
            postmortem.lines().forEach(line -> out.println("    " + line));
        }
    }
}
