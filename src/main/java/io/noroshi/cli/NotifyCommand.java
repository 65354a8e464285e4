package io.noroshi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noroshi notify test CHANNEL} and {@code noroshi notify log}: a hub's notification channels and delivery log. */
@Command(name = "notify", mixinStandardHelpOptions = true, description = "Test a notification channel; show the delivery log.",
        subcommands = {NotifyCommand.Test.class, NotifyCommand.Log.class})
public final class NotifyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = "Send a test through CHANNEL now; exit 1 when it fails.")
    static final class Test implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "CHANNEL") String channel;
        @Option(names = "--to", paramLabel = "ADDRESS", description = "Where an e-mail test goes.") String to;

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            body.put("channel", channel);
            if (to != null) body.put("to", to);
            boolean[] failed = {false};
            int code = hub.run(spec, c -> c.post("/notifications/test", body), (a, out) -> {
                out.println(channel + ": " + a.path("result").asText());
                failed[0] = !a.path("result").asText().equals("sent");
            });
            return code == 0 && failed[0] ? 1 : code;
        }
    }

    @Command(name = "log", mixinStandardHelpOptions = true, description = "The latest notices with their deliveries per channel.")
    static final class Log implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            return hub.run(spec, c -> c.get("/notifications/deliveries"), (a, out) -> {
                out.println("pending " + a.path("pending").asLong());
                out.printf("%-24s  %-20s  %-26s  %-20s  %6s  %7s  %6s  %5s  %s%n", "AT", "EVENT", "ABOUT", "CHANNEL", "SENT", "PENDING", "FAILED",
                        "DEAD", "LAST ERROR");
                for (JsonNode n : a.path("notices")) {
                    for (JsonNode c : n.path("channels")) {
                        out.printf("%-24s  %-20s  %-26s  %-20s  %6d  %7d  %6d  %5d  %s%n", n.path("at").asText(), n.path("event").asText(),
                                n.path("target").asText(), c.path("channel").asText(), c.path("sent").asLong(), c.path("pending").asLong(),
                                c.path("failed").asLong(), c.path("dead").asLong(), c.path("last_error").asText(""));
                    }
                }
            });
        }
    }
}
