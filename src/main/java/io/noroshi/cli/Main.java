package io.noroshi.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: the {@code noroshi} command and its subcommands. */
@Command(name = "noroshi", mixinStandardHelpOptions = true, version = "noroshi 0.1.0",
        description = "Status page and incident communication that outlives the outage.",
        subcommands = {ServeCommand.class, CheckConfigCommand.class, AuditCommand.class, AgentCommand.class, AdminCommand.class,
                IncidentCommand.class, MaintenanceCommand.class, TokenCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
