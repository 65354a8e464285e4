package io.noroshi.cli;

import io.noroshi.account.Accounts;
import io.noroshi.account.Actor;
import io.noroshi.account.ApiTokens;
import io.noroshi.account.DuplicateOperator;
import io.noroshi.account.InvalidAccount;
import io.noroshi.account.LoginThrottle;
import io.noroshi.account.PasswordHashes;
import io.noroshi.account.Scope;
import io.noroshi.account.SecretTokens;
import io.noroshi.admin.AccessCommands;
import io.noroshi.admin.AdminJson;
import io.noroshi.admin.AuditTrail;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseException;
import io.noroshi.storage.DatabaseSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code noroshi admin create|token}: works on the hub's database directly (the SQLite file or
 * PostgreSQL), so the first operator and first token exist before anyone can log in. Safe while the
 * hub runs: SQLite in WAL mode with a busy timeout lets both write.
 */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Create operators and bootstrap tokens on the hub's database.",
        subcommands = {AdminCommand.Create.class, AdminCommand.Token.class})
public final class AdminCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the database is, as for {@code noroshi serve}. */
    static class Where {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Directory of the SQLite database (default: ${DEFAULT-VALUE}).")
        Path data;
        @Option(names = "--database-url", paramLabel = "URL", defaultValue = "${env:NOROSHI_DATABASE_URL}",
                description = "PostgreSQL JDBC URL instead of SQLite (env NOROSHI_DATABASE_URL; password from PGPASSWORD or PGPASSFILE).")
        String databaseUrl;

        Database open() {
            // stdout is for the result alone (scripts capture the token); logs go there too, so keep them to warnings
            var root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            if (root instanceof ch.qos.logback.classic.Logger logback) logback.setLevel(ch.qos.logback.classic.Level.WARN);
            if (databaseUrl == null || databaseUrl.isBlank()) {
                var sqlite = DatabaseSettings.Sqlite.inDataDir(data);
                // An operator in a new empty file would never reach the hub, which uses another --data.
                if (!java.nio.file.Files.exists(sqlite.file())) {
                    throw new DatabaseException("no Noroshi database at " + sqlite.file().toAbsolutePath() + "; give --data the directory the hub "
                            + "runs with (noroshi serve's default is ./data, ./data/demo with --demo) or --database-url");
                }
                return Database.open(sqlite);
            }
            return Database.open(new DatabaseSettings.Postgres(databaseUrl));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an operator; the password is read from stdin, or prompted for without echo.")
    static final class Create extends Where implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--email", required = true) String email;

        @Override
        public Integer call() {
            char[] password;
            try {
                password = readPassword();
            } catch (IOException e) {
                spec.commandLine().getErr().println("noroshi admin create: cannot read the password: " + e.getMessage());
                return 1;
            }
            var clock = Clock.systemUTC();
            try (Database db = open()) {
                var accounts = new Accounts(db.operators(), new PasswordHashes(), new LoginThrottle(clock), new SecretTokens(), clock);
                var access = new AccessCommands(accounts, null, new AuditTrail(db.auditLog(), new AdminJson(), clock), db.allOrNothing());
                var operator = access.createOperator(Actor.commandLine("noroshi admin create"), email, password);
                spec.commandLine().getOut().println("created operator " + operator.email() + " (id " + operator.id() + "); log in at /admin");
                return 0;
            } catch (InvalidAccount | DuplicateOperator | DatabaseException e) {
                spec.commandLine().getErr().println("noroshi admin create: " + e.getMessage());
                return 1;
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }

        private char[] readPassword() throws IOException {
            var console = System.console();
            if (console != null && isTerminal(console)) {
                char[] first = console.readPassword("Password for %s: ", email);
                char[] again = console.readPassword("Again: ");
                if (first == null || !java.util.Arrays.equals(first, again)) throw new IOException("the two passwords differ");
                return first;
            }
            // Piped: the first line of stdin, so scripts can run `echo "$PW" | noroshi admin create ...`.
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
    }

    /** Java 22+ returns a Console even when stdin is a pipe; ask it (by reflection, as we compile for 21). */
    static boolean isTerminal(java.io.Console console) {
        try {
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Create an API token for an operator directly in the database (for bootstrap and scripts); printed once.")
    static final class Token extends Where implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--email", required = true, description = "The operator the token belongs to.") String email;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--scope", defaultValue = "incidents", description = "read, incidents or admin (default: ${DEFAULT-VALUE}).") String scope;

        @Override
        public Integer call() {
            var clock = Clock.systemUTC();
            try (Database db = open()) {
                var operator = db.operators().findByEmail(email)
                        .orElseThrow(() -> new InvalidAccount("email", "no operator with email " + email + "; create one with `noroshi admin create`"));
                var accounts = new Accounts(db.operators(), new PasswordHashes(), new LoginThrottle(clock), new SecretTokens(), clock);
                var tokens = new ApiTokens(db.tokens(), db.operators(), new SecretTokens(), clock);
                var access = new AccessCommands(accounts, tokens, new AuditTrail(db.auditLog(), new AdminJson(), clock), db.allOrNothing());
                var actor = new Actor(operator.id(), "command line (noroshi admin token) for " + operator.email(), Scope.ADMIN);
                var issued = access.issueToken(actor, name, Scope.fromWire(scope));
                spec.commandLine().getOut().println(issued.secret());
                spec.commandLine().getErr().println("(shown once: the hub keeps only its hash; id " + issued.token().id() + ")");
                return 0;
            } catch (InvalidAccount | IllegalArgumentException | DatabaseException e) {
                spec.commandLine().getErr().println("noroshi admin token: " + e.getMessage());
                return 1;
            }
        }
    }
}
