package io.noroshi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code noroshi subscribers list|add|remove|import|export}: a hub's subscribers through its admin API (scope admin). */
@Command(name = "subscribers", mixinStandardHelpOptions = true, description = "List, add, remove, import and export a hub's subscribers.",
        subcommands = {SubscribersCommand.ListSubscribers.class, SubscribersCommand.Add.class, SubscribersCommand.Remove.class,
                SubscribersCommand.Import.class, SubscribersCommand.Export.class})
public final class SubscribersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Subscribers by address.")
    static final class ListSubscribers implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Option(names = "--search", paramLabel = "TEXT", description = "Only addresses containing TEXT.") String search;
        @Option(names = "--limit", defaultValue = "100") int limit;

        @Override
        public Integer call() {
            String q = search == null ? "" : "&q=" + URLEncoder.encode(search, StandardCharsets.UTF_8);
            return hub.run(spec, c -> c.get("/subscribers?limit=" + limit + q), (answer, out) -> {
                out.printf("%-14s  %-8s  %-4s  %-10s  %-20s  %s%n", "ID", "KIND", "LANG", "STATE", "COMPONENTS", "ADDRESS");
                for (JsonNode s : answer.path("subscribers")) print(s, out);
                out.println(answer.path("total").asLong() + " subscriber(s) in all");
            });
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a confirmed subscriber (the operator vouches for it).")
    static final class Add implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ADDRESS", description = "An e-mail address, or a URL with --kind webhook.") String address;
        @Option(names = "--kind", defaultValue = "email", description = "email or webhook.") String kind;
        @Option(names = "--lang", defaultValue = "en") String lang;
        @Option(names = "--component", paramLabel = "ID", description = "Only this component (repeat for several; none: all).") List<String> components;

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            body.put("kind", kind);
            body.put("address", address);
            body.put("lang", lang);
            body.put("components", components == null ? List.of() : components);
            return hub.run(spec, c -> c.post("/subscribers", body), (s, out) -> {
                print(s, out);
                if (s.has("secret")) out.println("signing secret (shown only now): " + s.path("secret").asText());
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a subscriber by id.")
    static final class Remove implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override
        public Integer call() {
            return hub.run(spec, c -> c.delete("/subscribers/" + id), (a, out) -> out.println("removed " + id));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a CSV file (address,kind,lang,components); broken rows are named by line and the rest imported.")
    static final class Import implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE") Path file;

        @Override
        public Integer call() {
            String csv;
            try {
                csv = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println("noroshi: cannot read " + file + ": " + e.getMessage());
                return 1;
            }
            int[] refused = {0};
            int code = hub.run(spec, c -> c.post("/subscribers/import", Map.of("csv", csv)), (a, out) -> {
                out.println("imported " + a.path("imported").asInt() + " subscriber(s)");
                for (JsonNode r : a.path("refused")) {
                    out.println(file + ":" + r.path("line").asInt() + ": refused: " + r.path("reason").asText());
                    refused[0]++;
                }
            });
            return code == 0 && refused[0] > 0 ? 1 : code;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Every subscriber as CSV, to standard output or a file.")
    static final class Export implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Option(names = "--output", paramLabel = "FILE") Path output;

        @Override
        public Integer call() {
            return hub.run(spec, c -> c.get("/subscribers/export"), (a, out) -> {
                if (output == null) {
                    out.print(a.path("csv").asText());
                    return;
                }
                try {
                    Files.writeString(output, a.path("csv").asText(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    static void print(JsonNode s, PrintWriter out) {
        var components = new StringBuilder();
        s.path("components").forEach(c -> components.append(components.isEmpty() ? "" : " ").append(c.asText()));
        out.printf("%-14s  %-8s  %-4s  %-10s  %-20s  %s%n", s.path("id").asText(), s.path("kind").asText(), s.path("lang").asText(),
                s.path("state").asText(), components.isEmpty() ? "all" : components, s.path("address").asText());
    }
}
