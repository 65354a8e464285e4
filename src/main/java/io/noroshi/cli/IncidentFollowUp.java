package io.noroshi.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noroshi incident postmortem|impact}: what follows an incident's updates, as the admin pages offer it. */
final class IncidentFollowUp {

    private IncidentFollowUp() {
    }

    @Command(name = "postmortem", mixinStandardHelpOptions = true,
            description = "Attach (or replace) the postmortem of a resolved incident, from text or a file.")
    static final class Postmortem implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Option(names = "--message", paramLabel = "TEXT", description = "The postmortem in English.") String message;
        @Option(names = "--message-ja", paramLabel = "TEXT", description = "The postmortem in Japanese.") String messageJa;
        @Option(names = "--file", paramLabel = "FILE", description = "Read the English postmortem from FILE (UTF-8).") Path file;
        @Option(names = "--file-ja", paramLabel = "FILE", description = "Read the Japanese postmortem from FILE (UTF-8).") Path fileJa;

        @Override
        public Integer call() {
            String en;
            String ja;
            try {
                en = file == null ? message : Files.readString(file);
                ja = fileJa == null ? messageJa : Files.readString(fileJa);
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println("noroshi: cannot read the postmortem file: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 1;
            }
            var body = new LinkedHashMap<String, Object>();
            body.put("body", HubCall.text(en, ja));
            return hub.run(spec, c -> c.post("/incidents/" + id + "/postmortem", body), IncidentCommand::printOne);
        }
    }

    @Command(name = "impact", mixinStandardHelpOptions = true, description = "Change an incident's impact.")
    static final class SetImpact implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Parameters(index = "1", paramLabel = "IMPACT", description = "none, minor, major or critical.") String impact;

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            body.put("impact", impact);
            return hub.run(spec, c -> c.post("/incidents/" + id + "/impact", body), IncidentCommand::printOne);
        }
    }
}
