package io.noroshi.cli;

import io.noroshi.agent.Agent;
import io.noroshi.agent.AgentException;
import io.noroshi.agent.AgentSettings;
import io.noroshi.probe.Checkers;
import io.noroshi.probe.heartbeat.HeartbeatLedger;
import io.noroshi.probe.http.HttpChecker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code noroshi agent}: a remote vantage point that checks what the hub assigns and reports back. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run a monitoring agent: pull checks from the hub, run them, push results (buffered on disk while the hub is unreachable).")
public final class AgentCommand implements Callable<Integer> {

    static final String TOKEN_VARIABLE = "NOROSHI_AGENT_TOKEN";

    @Option(names = "--hub", required = true, paramLabel = "URL", split = ",",
            description = "The hub's base URL, e.g. https://status.example.com/; give it more than once (or a comma-separated list) "
                    + "for standby hubs: each gets every result, buffered for it until it answers.")
    java.util.List<URI> hubs;

    @Option(names = "--token", paramLabel = "TOKEN", description = "The agent's token (default: $" + TOKEN_VARIABLE + "; prefer it, command lines are visible to other users).")
    String token;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "This vantage point's id in the hub's vantage_points.")
    String name;

    @Option(names = "--site", paramLabel = "SITE", description = "The site this agent runs in (as declared in the hub's sites).")
    String site;

    @Option(names = "--buffer", paramLabel = "DIR", defaultValue = "agent-buffer", description = "Directory for results waiting for upload (default: ${DEFAULT-VALUE}).")
    Path buffer;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        var err = spec.commandLine().getErr();
        if (token == null) token = System.getenv(TOKEN_VARIABLE);
        if (token == null || token.isBlank()) {
            err.println("noroshi agent: no token: pass --token or set " + TOKEN_VARIABLE);
            return 2;
        }
        for (URI hub : hubs) {
            if (hub.getScheme() == null || !hub.getScheme().matches("https?") || hub.getHost() == null) {
                err.println("noroshi agent: --hub must be an http(s) URL with a host, not " + hub);
                return 2;
            }
        }
        if (hubs.stream().distinct().count() < hubs.size()) {
            err.println("noroshi agent: --hub names the same hub twice");
            return 2;
        }
        Agent agent;
        try {
            var clock = Clock.systemUTC();
            var checkers = Checkers.standard(clock, HttpChecker.defaultClient(), new HeartbeatLedger(clock));
            agent = new Agent(new AgentSettings(hubs.getFirst(), hubs.subList(1, hubs.size()), token, name, site, buffer, null, null), HttpChecker.defaultClient(), checkers, line -> {
                err.println(line);
                err.flush();
            }).start();
        } catch (AgentException e) {
            err.println("noroshi agent: " + e.getMessage());
            return 1;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().printf("Noroshi agent %s reporting to %s%n", name, String.join(", ", hubs.stream().map(URI::toString).toList()));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
