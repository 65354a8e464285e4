package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.cli.Main;
import io.noroshi.storage.Engine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every step from every state of an incident and of a maintenance, allowed or refused, through the
 * admin API and through the command line, on SQLite and on PostgreSQL. The tables are written out
 * here, not derived from the lifecycle classes, so a change to either shows.
 */
class IncidentLifecycleStepsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** from state, step, the state after it ("409" when refused), the states allowed from {@code from}. */
    static final String INCIDENT_TABLE = """
            investigating | investigating | investigating | investigating identified monitoring resolved
            investigating | identified    | identified    | investigating identified monitoring resolved
            investigating | monitoring    | monitoring    | investigating identified monitoring resolved
            investigating | resolved      | resolved      | investigating identified monitoring resolved
            investigating | resolve       | resolved      | investigating identified monitoring resolved
            investigating | postmortem    | 409           | investigating identified monitoring resolved
            investigating | reopen        | 409           | investigating identified monitoring resolved
            identified    | investigating | investigating | investigating identified monitoring resolved
            identified    | identified    | identified    | investigating identified monitoring resolved
            identified    | monitoring    | monitoring    | investigating identified monitoring resolved
            identified    | resolved      | resolved      | investigating identified monitoring resolved
            identified    | resolve       | resolved      | investigating identified monitoring resolved
            identified    | postmortem    | 409           | investigating identified monitoring resolved
            identified    | reopen        | 409           | investigating identified monitoring resolved
            monitoring    | investigating | investigating | investigating identified monitoring resolved
            monitoring    | identified    | identified    | investigating identified monitoring resolved
            monitoring    | monitoring    | monitoring    | investigating identified monitoring resolved
            monitoring    | resolved      | resolved      | investigating identified monitoring resolved
            monitoring    | resolve       | resolved      | investigating identified monitoring resolved
            monitoring    | postmortem    | 409           | investigating identified monitoring resolved
            monitoring    | reopen        | 409           | investigating identified monitoring resolved
            resolved      | investigating | 409           | postmortem reopen
            resolved      | identified    | 409           | postmortem reopen
            resolved      | monitoring    | 409           | postmortem reopen
            resolved      | resolved      | 409           | postmortem reopen
            resolved      | resolve       | 409           | postmortem reopen
            resolved      | postmortem    | postmortem    | postmortem reopen
            resolved      | reopen        | investigating | postmortem reopen
            postmortem    | investigating | 409           | postmortem
            postmortem    | identified    | 409           | postmortem
            postmortem    | monitoring    | 409           | postmortem
            postmortem    | resolved      | 409           | postmortem
            postmortem    | resolve       | 409           | postmortem
            postmortem    | postmortem    | postmortem    | postmortem
            postmortem    | reopen        | 409           | postmortem
            """;

    static final String MAINTENANCE_TABLE = """
            scheduled   | start    | in_progress | in_progress cancelled
            scheduled   | verify   | 409         | in_progress cancelled
            scheduled   | complete | 409         | in_progress cancelled
            scheduled   | cancel   | cancelled   | in_progress cancelled
            in_progress | start    | 409         | verifying completed cancelled
            in_progress | verify   | verifying   | verifying completed cancelled
            in_progress | complete | completed   | verifying completed cancelled
            in_progress | cancel   | cancelled   | verifying completed cancelled
            verifying   | start    | in_progress | in_progress completed cancelled
            verifying   | verify   | 409         | in_progress completed cancelled
            verifying   | complete | completed   | in_progress completed cancelled
            verifying   | cancel   | cancelled   | in_progress completed cancelled
            completed   | start    | 409         | -
            completed   | verify   | 409         | -
            completed   | complete | 409         | -
            completed   | cancel   | 409         | -
            cancelled   | start    | 409         | -
            cancelled   | verify   | 409         | -
            cancelled   | complete | 409         | -
            cancelled   | cancel   | 409         | -
            """;

    @TempDir
    static Path data;
    static EngineHubs hubs;

    @BeforeAll
    static void start() {
        hubs = new EngineHubs(data);
    }

    @AfterAll
    static void stop() {
        if (hubs != null) hubs.close();
    }

    record Row(String from, String step, String after, List<String> allowed) {
        boolean refused() {
            return after.equals("409");
        }
    }

    static Stream<Arguments> incidentSteps() {
        return cases(INCIDENT_TABLE);
    }

    static Stream<Arguments> maintenanceSteps() {
        return cases(MAINTENANCE_TABLE);
    }

    private static Stream<Arguments> cases(String table) {
        var all = new ArrayList<Arguments>();
        for (Engine engine : Engine.values()) {
            for (String via : List.of("api", "cli")) {
                table.lines().filter(l -> !l.isBlank()).forEach(line -> {
                    String[] cells = line.split("\\|");
                    String allowed = cells[3].strip();
                    all.add(Arguments.of(engine, via, new Row(cells[0].strip(), cells[1].strip(), cells[2].strip(),
                            allowed.equals("-") ? List.of() : List.of(allowed.split(" ")))));
                });
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("incidentSteps")
    void incidentStep(Engine engine, String via, Row row) throws Exception {
        AdminHub admin = hubs.on(engine);
        String id = incidentIn(admin, row.from());
        int updatesBefore = incident(admin, id).get("updates").size();

        if (via.equals("api")) {
            HttpResponse<String> answer = admin.post("/api/admin/v1/incidents/" + id + apiPath(row.step()), admin.incidentsToken, apiBody(row.step()));
            if (row.refused()) {
                assertRefused(answer, row);
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
                assertThat(JSON.readTree(answer.body()).get("status").asText()).isEqualTo(row.after());
            }
        } else {
            Run run = cli(admin, cliArgs(id, row.step()));
            if (row.refused()) {
                assertThat(run.exit()).as(run.out()).isEqualTo(1);
                assertThat(run.err()).contains("HTTP 409").contains("it is " + row.from())
                        .contains("allowed now: " + String.join(", ", row.allowed()));
            } else {
                assertThat(run.exit()).as(run.err()).isZero();
                assertThat(run.out()).contains("[" + row.after() + ",");
            }
        }

        JsonNode after = incident(admin, id);
        assertThat(after.get("status").asText()).isEqualTo(row.refused() ? row.from() : row.after());
        boolean addsAnUpdate = !row.refused() && !row.step().equals("postmortem");
        assertThat(after.get("updates").size()).as("updates stored").isEqualTo(updatesBefore + (addsAnUpdate ? 1 : 0));
        boolean closed = after.get("status").asText().equals("resolved") || after.get("status").asText().equals("postmortem");
        assertThat(after.get("resolved_at").isNull()).as("resolved_at of a %s incident", after.get("status")).isEqualTo(!closed);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("maintenanceSteps")
    void maintenanceStep(Engine engine, String via, Row row) throws Exception {
        AdminHub admin = hubs.on(engine);
        String id = maintenanceIn(admin, row.from());

        if (via.equals("api")) {
            HttpResponse<String> answer = admin.post("/api/admin/v1/maintenance/" + id + "/" + row.step(), admin.incidentsToken, "");
            if (row.refused()) {
                assertRefused(answer, row);
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(JSON.readTree(answer.body()).get("status").asText()).isEqualTo(row.after());
            }
        } else {
            Run run = cli(admin, "maintenance", row.step(), id);
            assertThat(run.exit()).as(run.err()).isEqualTo(row.refused() ? 1 : 0);
            if (row.refused()) assertThat(run.err()).contains("HTTP 409").contains("it is " + row.from());
        }

        var stored = JSON.readTree(admin.get("/api/admin/v1/maintenance/" + id, admin.readToken).body());
        assertThat(stored.get("status").asText()).isEqualTo(row.refused() ? row.from() : row.after());
    }

    private static void assertRefused(HttpResponse<String> answer, Row row) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.get("error").asText()).isEqualTo("invalid_transition");
        assertThat(error.get("current_status").asText()).isEqualTo(row.from());
        assertThat(error.get("allowed")).extracting(JsonNode::asText).containsExactlyElementsOf(row.allowed());
    }

    /** A new incident brought to {@code state} through the API. */
    static String incidentIn(AdminHub admin, String state) throws Exception {
        String openAs = List.of("investigating", "identified", "monitoring").contains(state) ? state : "investigating";
        var opened = admin.post("/api/admin/v1/incidents", admin.incidentsToken,
                "{\"name\": \"Lifecycle " + state + "\", \"status\": \"" + openAs + "\", \"body\": \"Looking into it.\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String id = JSON.readTree(opened.body()).get("id").asText();
        if (state.equals("resolved") || state.equals("postmortem")) {
            assertThat(admin.post("/api/admin/v1/incidents/" + id + "/resolve", admin.incidentsToken, "{}").statusCode()).isEqualTo(200);
        }
        if (state.equals("postmortem")) {
            assertThat(admin.post("/api/admin/v1/incidents/" + id + "/postmortem", admin.incidentsToken,
                    "{\"body\": \"A disk filled up.\"}").statusCode()).isEqualTo(200);
        }
        return id;
    }

    static String maintenanceIn(AdminHub admin, String state) throws Exception {
        var scheduled = admin.post("/api/admin/v1/maintenance", admin.incidentsToken, """
                {"name": "Steps", "scheduled_for": "2031-05-01T01:00:00Z", "scheduled_until": "2031-05-01T02:00:00Z", "component_ids": ["mail"]}""");
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        String id = JSON.readTree(scheduled.body()).get("id").asText();
        List<String> path = switch (state) {
            case "scheduled" -> List.of();
            case "in_progress" -> List.of("start");
            case "verifying" -> List.of("start", "verify");
            case "completed" -> List.of("start", "complete");
            case "cancelled" -> List.of("cancel");
            default -> throw new IllegalArgumentException(state);
        };
        for (String step : path) {
            var answer = admin.post("/api/admin/v1/maintenance/" + id + "/" + step, admin.incidentsToken, "");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
        return id;
    }

    private static JsonNode incident(AdminHub admin, String id) throws Exception {
        return JSON.readTree(admin.get("/api/admin/v1/incidents/" + id, admin.readToken).body());
    }

    private static String apiPath(String step) {
        return switch (step) {
            case "resolve", "postmortem", "reopen" -> "/" + step;
            default -> "/updates";
        };
    }

    private static String apiBody(String step) {
        return switch (step) {
            case "resolve" -> "{}";
            case "postmortem" -> "{\"body\": \"What happened, in full.\"}";
            case "reopen" -> "{\"reason\": \"The fix did not hold.\"}";
            default -> "{\"status\": \"" + step + "\", \"body\": \"Step " + step + ".\"}";
        };
    }

    private static String[] cliArgs(String id, String step) {
        return switch (step) {
            case "resolve" -> new String[] {"incident", "resolve", id};
            case "postmortem" -> new String[] {"incident", "postmortem", id, "--message", "What happened, in full."};
            case "reopen" -> new String[] {"incident", "reopen", id, "--reason", "The fix did not hold."};
            default -> new String[] {"incident", "update", id, "--status", step, "--message", "Step " + step + "."};
        };
    }

    record Run(int exit, String out, String err) {
    }

    static Run cli(AdminHub admin, String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--hub", admin.url(""), "--token", admin.incidentsToken));
        String[] argv = all.toArray(String[]::new);
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = Main.commandLine(argv).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(argv);
        return new Run(exit, out.toString(), err.toString());
    }
}
