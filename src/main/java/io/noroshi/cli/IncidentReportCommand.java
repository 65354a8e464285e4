package io.noroshi.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noroshi incident report ID}: the post-incident report as Markdown (io.noroshi.comms.IncidentReport). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print the post-incident report as Markdown: timeline, time to first notice, promises kept, longest silence, estimates missed.")
final class IncidentReportCommand implements Callable<Integer> {
    @Mixin HubCall hub;
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "ID") String id;

    @Override
    public Integer call() {
        return hub.run(spec, c -> c.get("/comms/incidents/" + id + "/report"), (answer, out) -> out.print(answer.path("markdown").asText()));
    }
}
