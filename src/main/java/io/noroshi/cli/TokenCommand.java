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

/** {@code noroshi token list|create|revoke} through a hub's admin API (needs an admin-scope token). */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens on a hub.",
        subcommands = {TokenCommand.ListTokens.class, TokenCommand.Create.class, TokenCommand.Revoke.class})
public final class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secret).")
    static final class ListTokens implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            return hub.run(spec, c -> c.get("/tokens"), (list, out) -> {
                out.printf("%-12s  %-10s  %-9s  %-8s  %s%n", "ID", "PREFIX", "SCOPE", "STATE", "NAME");
                for (JsonNode t : list) {
                    out.printf("%-12s  %-10s  %-9s  %-8s  %s%n", t.path("id").asText(), t.path("prefix").asText(), t.path("scope").asText(),
                            t.path("revoked_at").isNull() ? "active" : "revoked", t.path("name").asText());
                }
            });
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token; its secret is printed this once.")
    static final class Create implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--scope", defaultValue = "read", description = "read, incidents or admin (default: ${DEFAULT-VALUE}).") String scope;

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            body.put("name", name);
            body.put("scope", scope);
            return hub.run(spec, c -> c.post("/tokens", body), (t, out) -> {
                out.println(t.path("token").asText());
                out.println("(shown once: the hub keeps only its hash; id " + t.path("id").asText() + ", scope " + t.path("scope").asText() + ")");
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by id.")
    static final class Revoke implements Callable<Integer> {
        @Mixin HubCall hub;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override
        public Integer call() {
            return hub.run(spec, c -> c.delete("/tokens/" + id), (t, out) -> out.println("revoked " + t.path("id").asText()));
        }
    }
}
