package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line covers besides incidents: component overrides, the audit log, and admin on a wrong --data. */
class CliCoverageTest {

    @TempDir
    static Path data;
    static AdminHub admin;

    @BeforeAll
    static void start() {
        admin = new AdminHub(data);
    }

    @AfterAll
    static void stop() {
        if (admin != null) admin.close();
    }

    record Run(int exit, String out, String err) {
    }

    static Run noroshi(String token, String... args) {
        var all = new ArrayList<>(List.of(args));
        if (token != null) all.addAll(List.of("--hub", admin.url(""), "--token", token));
        String[] argv = all.toArray(String[]::new);
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = Main.commandLine(argv).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(argv);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void componentOverridesAreSetListedAndCleared() {
        var set = noroshi(admin.incidentsToken, "component", "override", "dns", "partial_outage");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).contains("dns").contains("partial_outage").contains("yes");
        assertThat(admin.get("/api/v2/summary.json", null).body()).contains("partial_outage");

        var listed = noroshi(admin.readToken, "component", "list");
        assertThat(listed.out()).containsPattern("dns\\s+partial_outage\\s+yes");

        var cleared = noroshi(admin.incidentsToken, "component", "clear", "dns");
        assertThat(cleared.exit()).as(cleared.err()).isZero();
        assertThat(cleared.out()).containsPattern("dns\\s+operational\\s+no");

        var wrong = noroshi(admin.incidentsToken, "component", "override", "dns", "sideways");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("HTTP 400").contains("status");
    }

    @Test
    void theAuditLogShowsWhoChangedWhatInTheGivenTimeZoneAndPages() {
        noroshi(admin.incidentsToken, "component", "override", "mail", "degraded_performance");
        noroshi(admin.incidentsToken, "component", "clear", "mail");

        // by default in the page's time zone (the demo's is Asia/Tokyo), as the pages show times
        var shown = noroshi(admin.adminToken, "audit-log", "--target", "component/mail", "--limit", "1");
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("component.").contains("component/mail").contains(AdminHub.EMAIL).contains("+09:00")
                .contains("(more: --before ");
        var inUtc = noroshi(admin.adminToken, "audit-log", "--target", "component/mail", "--limit", "1", "--time-zone", "UTC");
        assertThat(inUtc.out()).contains("+00:00").doesNotContain("+09:00");

        var refused = noroshi(admin.incidentsToken, "audit-log");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("HTTP 403");
    }

    @Test
    void adminOnADataDirectoryWithoutADatabaseRefusesInsteadOfCreatingOne(@TempDir Path empty) {
        var run = noroshi(null, "admin", "token", "--data", empty.toString(), "--email", AdminHub.EMAIL, "--name", "x");

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("no Noroshi database at " + empty.resolve("noroshi.db").toAbsolutePath());
        assertThat(Files.exists(empty.resolve("noroshi.db"))).isFalse();
    }
}
