package io.noroshi.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real site-loss drill, end to end, in network namespaces: every step completes, the customer
 * reads the notice from a mirror, the relay in B received the subscriber's mail, and nothing of the
 * drill remains afterwards. Times are printed, never asserted.
 */
class DrillTest {

    private Path work;

    @BeforeEach
    void permitted() throws IOException {
        var id = Shell.run("id", "-u");
        assumeTrue(id.ok() && id.output().strip().equals("0"), "the drill builds network namespaces and needs root (uid 0)");
        assumeTrue(Shell.run("ip", "netns", "list").ok(), "the drill needs `ip netns` (iproute2) and permission to use it");
        for (String tool : new String[] {"nsd", "nginx", "/usr/sbin/smtp-sink", "curl"}) {
            assumeTrue(Shell.run("sh", "-c", "command -v " + tool).ok(), "the drill needs " + tool + " (Debian: nsd, nginx, postfix, curl)");
        }
        assumeTrue(DrillNetwork.existing().isEmpty(), "another drill's namespaces exist: " + DrillNetwork.existing());
        // not a @TempDir: nginx's workers (nobody) must be able to walk into the mirror directories
        work = Path.of("/tmp", DrillNetwork.PREFIX + "test-" + ProcessHandle.current().pid());
        Files.createDirectories(work);
    }

    @AfterEach
    void removeWork() throws IOException {
        if (work == null || !Files.exists(work)) return;
        try (var paths = Files.walk(work)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Test
    void siteAIsLostAndTheCustomerReadsTheNoticeOnAMirror() {
        var text = new StringWriter();
        Drill.Report report;
        try (var drill = new Drill(Duration.ofSeconds(3), work, new PrintWriter(text, true))) {
            report = drill.run();
        } finally {
            System.out.print(text);
        }
        var out = new StringWriter();
        DrillCommand.print(report, new PrintWriter(out));
        System.out.print(out);

        assertThat(report.steps()).extracting(Drill.Step::key)
                .containsExactly("cut", "restore", "standby_up", "standby_ready", "quorum", "notice", "mirrors", "mail", "customer_read");
        assertThat(report.steps()).as("every step completed").allSatisfy(s -> assertThat(s.ok()).as(s.title() + ": " + s.detail()).isTrue());
        assertThat(report.customerRead()).as("the customer's read of mirror C").contains("Site A unreachable (" + report.marker() + ")");
        assertThat(report.relayMail()).as("mail the relay in B received").isNotEmpty()
                .allSatisfy(m -> assertThat(m).contains("customer@drill.test"));
        assertThat(out.toString()).contains("RESULT drill_cut_to_mirror_notice_s=");
        assertThat(report.workarounds()).as("steps the product could not do itself").isEmpty();
        assertThat(report.steps().stream().filter(s -> s.key().equals("standby_ready")).findFirst().orElseThrow().detail())
                .as("the standby's subscribers came from the decrypted contacts bundle").isEqualTo("1 subscriber(s) from the bundle");

        assertThat(DrillNetwork.existing()).as("namespaces left").isEmpty();
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(work.toString()) || c.contains("ip netns exec " + DrillNetwork.PREFIX)).toList())
                .as("processes of the drill left").isEmpty();
    }
}
