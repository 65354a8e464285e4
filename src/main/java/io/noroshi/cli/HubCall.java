package io.noroshi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Options and exit codes shared by the commands that talk to a hub: {@code --hub}, {@code --token},
 * {@code --json}; exit 0 done, 1 refused, 2 unreachable, 3 the hub's database unavailable.
 */
final class HubCall {

    @Option(names = "--hub", paramLabel = "URL", defaultValue = "${env:NOROSHI_HUB}", description = "Hub URL, e.g. http://127.0.0.1:8080 (env NOROSHI_HUB).")
    String hub;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:NOROSHI_TOKEN}", description = "API token nrs_... (env NOROSHI_TOKEN).")
    String token;

    @Option(names = "--json", description = "Print the hub's JSON answer instead of a table.")
    boolean json;

    /** What a command asks of the hub. */
    @FunctionalInterface
    interface Request {
        JsonNode send(HubClient client) throws HubClient.Refused, HubClient.Unreachable, HubClient.DatabaseUnavailable;
    }

    /** What a command prints from the answer when --json is not given. */
    @FunctionalInterface
    interface Printer {
        void print(JsonNode answer, PrintWriter out);
    }

    /** Exit code when the hub answers but its database does not: retrying later may succeed. */
    static final int DATABASE_UNAVAILABLE = 3;

    int run(CommandSpec spec, Request request, Printer printer) {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (hub == null || hub.isBlank()) {
            err.println("noroshi: give the hub with --hub URL or NOROSHI_HUB");
            return 1;
        }
        if (token == null || token.isBlank()) {
            err.println("noroshi: give an API token with --token or NOROSHI_TOKEN (create one in /admin/tokens)");
            return 1;
        }
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            JsonNode answer = request.send(new HubClient(http, hub, token.strip()));
            if (json) out.println(answer.toPrettyString());
            else printer.print(answer, out);
            out.flush();
            return 0;
        } catch (HubClient.Refused e) {
            err.println("noroshi: " + e.getMessage());
            return 1;
        } catch (HubClient.Unreachable e) {
            err.println("noroshi: " + e.getMessage());
            return 2;
        } catch (HubClient.DatabaseUnavailable e) {
            err.println("noroshi: " + e.getMessage());
            return DATABASE_UNAVAILABLE;
        } finally {
            err.flush();
        }
    }

    /** A text field as typed: {@code {"en": en, "ja": ja}} with the empty ones left out, or null. */
    static java.util.Map<String, String> text(String en, String ja) {
        var map = new java.util.LinkedHashMap<String, String>();
        if (en != null && !en.isBlank()) map.put("en", en);
        if (ja != null && !ja.isBlank()) map.put("ja", ja);
        return map.isEmpty() ? null : map;
    }

    static String en(JsonNode text) {
        if (text == null) return "";
        for (String key : new String[]{"en", "*", "ja"}) if (text.hasNonNull(key)) return text.get(key).asText();
        return "";
    }
}
