package io.noroshi.comms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code noroshi lint} as the operator runs it: files, exit codes, JSON, the findings' language. */
class LintCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var line = Main.commandLine(args);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aGoodUpdateExitsZero() throws Exception {
        Path update = file("good.txt", "Customers cannot log in to the dashboard. Your data is safe. There is no workaround yet. Next update by 10:30 UTC.");
        assertThat(run("lint", "--impact", "major", update.toString())).isZero();
        assertThat(out.toString()).contains("No findings.");
    }

    @Test
    void findingsAsJsonExitOne() throws Exception {
        Path update = file("bare.txt", "We are investigating.");
        assertThat(run("lint", "--format", "json", update.toString())).isEqualTo(1);
        JsonNode findings = new ObjectMapper().readTree(out.toString()).get("findings");
        assertThat(findings).isNotEmpty();
        JsonNode first = findings.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("rule", "severity", "message", "suggestion");
        assertThat(findings.findValuesAsText("rule")).contains("next-update", "impact");
        assertThat(findings.findValuesAsText("severity")).containsOnly("error", "warning");
    }

    @Test
    void japaneseFindingsAreInJapanese() throws Exception {
        Path update = file("ja.txt", "現在調査中です。");
        assertThat(run("lint", "--lang", "ja", "--format", "json", update.toString())).isEqualTo(1);
        var messages = new ObjectMapper().readTree(out.toString()).get("findings").findValuesAsText("message");
        assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m).containsPattern("[\\p{IsHiragana}\\p{IsHan}]"));
    }

    @Test
    void theSameTextAsThePreviousUpdateIsNoProgress() throws Exception {
        String text = "Customers cannot log in to the dashboard. Data is safe. There is no workaround. Next update by 10:30 UTC.";
        Path previous = file("previous.txt", text);
        Path update = file("update.txt", text.replace("10:30", "11:00"));
        assertThat(run("lint", "--format", "json", "--previous", previous.toString(), update.toString())).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(out.toString()).get("findings").findValuesAsText("rule")).containsExactly("no-progress");
    }

    @Test
    void aResolutionIsCheckedForCompleteness() throws Exception {
        Path update = file("resolved.txt", "This incident has been resolved.");
        assertThat(run("lint", "--status", "resolved", "--format", "json", update.toString())).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(out.toString()).get("findings").findValuesAsText("rule"))
                .containsExactly("data-safety", "resolution-complete");
    }

    @Test
    void badUsageExitsThreeWithAMessage() throws Exception {
        Path update = file("u.txt", "text");
        assertThat(run("lint", "--status", "fixed", update.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("--status must be one of investigating, identified, monitoring, resolved, not 'fixed'");
        assertThat(run("lint", "--lang", "fr", update.toString())).isEqualTo(3);
        assertThat(run("lint", "--no-such-option", update.toString())).isEqualTo(3);
        assertThat(run("lint", dir.resolve("missing.txt").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("cannot read").doesNotContain("Exception");
    }
}
