package io.noroshi.cli;

import io.noroshi.config.ConfigException;
import io.noroshi.config.ConfigLoader;
import io.noroshi.config.NoroshiConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code noroshi check-config FILE}: validates a config file and lists every problem in it. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate a noroshi.yaml: every problem is listed with file, line and key; exit 1 when any.")
public final class CheckConfigCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The config file to check.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            NoroshiConfig config = new ConfigLoader().load(file);
            spec.commandLine().getOut().printf("%s: OK (%d sites, %d services, %d components)%n",
                    file, config.sites().size(), config.services().size(), config.components().size());
            return 0;
        } catch (ConfigException e) {
            var err = spec.commandLine().getErr();
            e.problems().forEach(err::println);
            err.printf("%s: %d problem%s%n", file, e.problems().size(), e.problems().size() == 1 ? "" : "s");
            return 1;
        }
    }
}
