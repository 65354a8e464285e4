package io.noroshi.mirror;

import io.noroshi.config.ConfigException;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code noroshi publish}: writes the public site, the export and the contacts bundle to every mirror now. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish the public site (and the restore export and contacts bundle) to every mirror of mirrors.targets now.")
public final class PublishCommand implements Callable<Integer> {

    @Mixin
    HubCommandOptions hub;

    @Option(names = "--nginx-config", paramLabel = "DIR",
            description = "Print the nginx server block that serves a mirror directory DIR as the hub serves the site, and exit.")
    String nginxRoot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (nginxRoot != null) {
            out.print(MirrorServing.nginxServer("80", nginxRoot));
            out.flush();
            return 0;
        }
        NoroshiConfig config;
        try {
            config = hub.loadConfig();
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            return 1;
        }
        if (config.mirrors().targets().isEmpty()) {
            err.println("noroshi publish: " + hub.config + " declares no mirrors (mirrors.targets); see docs/mirrors.md");
            return 1;
        }
        try (Database database = hub.openDatabase();
             Mirrors mirrors = Mirrors.open(config, hub.data, System.getenv(), MirrorAlerts.logging(), Clock.systemUTC(),
                     MirrorExports.of(config, database))) {
            var snapshot = HubCommandOptions.render(config, database, Clock.systemUTC());
            var outcomes = mirrors.publishNow(snapshot);
            for (var o : outcomes) {
                if (o.error() == null) out.printf("%-20s ok, %d file(s) written%n", o.mirror(), o.uploaded());
                else out.printf("%-20s FAILED: %s%n", o.mirror(), o.error());
            }
            out.flush();
            return outcomes.stream().allMatch(o -> o.error() == null) ? 0 : 3;
        } catch (MirrorException | DatabaseException e) {
            err.println("noroshi publish: " + e.getMessage());
            return 1;
        }
    }
}
