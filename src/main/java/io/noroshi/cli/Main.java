package io.noroshi.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: the {@code noroshi} command and its subcommands. */
@Command(name = "noroshi", mixinStandardHelpOptions = true, version = "noroshi 0.1.0",
        description = "Status page and incident communication that outlives the outage.")
public final class Main implements Runnable {

    /**
     * The subcommands, in the order {@code --help} lists them. Picocli reads every registered command's
     * annotations reflectively, in picocli classes the JVM's startup cache cannot hold (they are Java 5
     * class files): registering all of them cost {@code serve} about half a second of CPU, so a run
     * registers only the one it was asked for.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /**
     * The command line that runs {@code args}: the top command with only the subcommand named first,
     * or with all of them (and {@code help}) when the first argument names none.
     */
    public static CommandLine commandLine(String... args) {
        var line = new CommandLine(new Main());
        Supplier<Object> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
        if (named != null) {
            line.addSubcommand(args[0], named.get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> line.addSubcommand(name, command.get()));
            line.addSubcommand("help", new CommandLine.HelpCommand());
        }
        return line;
    }

    private static Map<String, Supplier<Object>> subcommands() {
        var all = new LinkedHashMap<String, Supplier<Object>>();
        all.put("serve", ServeCommand::new);
        all.put("check-config", CheckConfigCommand::new);
        all.put("audit", AuditCommand::new);
        all.put("agent", AgentCommand::new);
        all.put("admin", AdminCommand::new);
        all.put("incident", IncidentCommand::new);
        all.put("maintenance", MaintenanceCommand::new);
        all.put("component", ComponentCommand::new);
        all.put("audit-log", AuditLogCommand::new);
        all.put("token", TokenCommand::new);
        all.put("monitoring", MonitoringCommand::new);
        all.put("subscribers", SubscribersCommand::new);
        all.put("notify", NotifyCommand::new);
        all.put("lint", io.noroshi.comms.LintCommand::new);
        all.put("drill", io.noroshi.drill.DrillCommand::new);
        all.put("publish", io.noroshi.mirror.PublishCommand::new);
        all.put("restore", io.noroshi.mirror.RestoreCommand::new);
        all.put("keys", io.noroshi.contacts.KeysCommand::new);
        all.put("contacts", io.noroshi.contacts.ContactsCommand::new);
        return Collections.unmodifiableMap(all);
    }

    @Override
    public void run() {
        commandLine().usage(System.out);
    }
}
