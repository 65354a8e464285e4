package io.noroshi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

    private static final String[] ALL = {"serve", "check-config", "audit", "agent", "admin", "incident", "maintenance", "component", "audit-log", "token", "monitoring", "publish", "restore", "keys", "contacts", "help"};

    @Test
    void aRunOfOneSubcommandRegistersOnlyThatOne() {
        assertThat(Main.commandLine("serve", "--port", "0").getSubcommands()).containsOnlyKeys("serve");
        assertThat(Main.commandLine("incident", "list").getSubcommands()).containsOnlyKeys("incident");
        assertThat(Main.commandLine("incident").getSubcommands().get("incident").getSubcommands())
                .containsKeys("open", "update", "resolve");
    }

    @Test
    void helpAndUnknownWordsSeeEverySubcommandInOrder() {
        assertThat(Main.commandLine().getSubcommands().keySet()).containsExactly(ALL);
        assertThat(Main.commandLine("--help").getSubcommands().keySet()).containsExactly(ALL);
        assertThat(Main.commandLine("help", "serve").getSubcommands().keySet()).containsExactly(ALL);
        assertThat(Main.commandLine("bogus").getSubcommands().keySet()).containsExactly(ALL);
    }

    @Test
    void usageListsEverySubcommandAndASubcommandsHelpKeepsItsFullName() {
        var out = new StringWriter();
        assertThat(Main.commandLine("--help").setOut(new PrintWriter(out)).execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: noroshi [-hV] [COMMAND]", "check-config", "maintenance", "token");

        var serveHelp = new StringWriter();
        assertThat(Main.commandLine("serve", "--help").setOut(new PrintWriter(serveHelp)).execute("serve", "--help")).isZero();
        assertThat(serveHelp.toString()).contains("Usage: noroshi serve", "--demo", "--data").doesNotContain("--startup-training");
    }

    @Test
    void anUnknownSubcommandIsAnErrorThatShowsTheUsage() {
        var err = new StringWriter();
        int exit = Main.commandLine("qqqqqqqq").setErr(new PrintWriter(err)).execute("qqqqqqqq");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'qqqqqqqq'", "serve");
    }
}
