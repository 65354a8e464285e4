package io.noroshi.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    /**
     * Removes the work directory. A hub the drill's cleanup has just killed may still be exiting and write
     * a last file into its data directory while this walks it: then the walk is repeated, a few times.
     */
    @AfterEach
    void removeWork() throws IOException, InterruptedException {
        for (int attempt = 1; work != null && Files.exists(work); attempt++) {
            try (var paths = Files.walk(work)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                if (attempt == 5) throw e;
                Thread.sleep(500);
            }
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
        // One RESULT line per step in BENCH.md's format, so CI's log carries every step's time.
        assertThat(out.toString().lines().filter(l -> l.matches("RESULT drill_[a-z_]+_s=\\d+\\.\\d")))
                .containsAll(report.steps().stream().map(s -> "RESULT drill_" + s.key() + "_s=" + String.format(java.util.Locale.ROOT, "%.1f", s.seconds())).toList());
        assertThat(report.workarounds()).as("steps the product could not do itself").isEmpty();
        assertThat(report.steps().stream().filter(s -> s.key().equals("standby_ready")).findFirst().orElseThrow().detail())
                .as("the standby's subscribers came from the decrypted contacts bundle").isEqualTo("1 subscriber(s) from the bundle");

        assertThat(DrillNetwork.existing()).as("namespaces left").isEmpty();
        assertThat(leftoverProcesses()).as("processes of the drill left").isEmpty();
    }

    /** {@code noroshi drill} as its own process, with its output in {@code log}. */
    private Process drillProcess(Path log, String... more) throws IOException {
        var command = new java.util.ArrayList<>(java.util.List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.noroshi.cli.Main", "drill"));
        command.addAll(java.util.List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits (bounded) until the drill has built its namespaces and started the primary hub. */
    private static boolean drillUnderWay(Process drill, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline && drill.isAlive()) {
            if (Files.readString(log).contains("primary hub on site A answers")) return true;
            Thread.sleep(500);
        }
        return false;
    }

    private java.util.List<String> leftoverProcesses() {
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(work.toString()) || c.contains("ip netns exec " + DrillNetwork.PREFIX)).toList();
    }

    @Test
    void aTerminatedDrillRemovesItsNamespacesAndProcesses() throws Exception {
        Path log = Files.createTempFile("drill-term", ".log");
        Process drill = drillProcess(log, "--work", work.resolve("run").toString());
        try {
            assertThat(drillUnderWay(drill, log)).as("drill under way; its output:%n%s", Files.readString(log)).isTrue();
            drill.destroy(); // SIGTERM: the shutdown hook
            assertThat(drill.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("the drill stopped").isTrue();
        } finally {
            drill.destroyForcibly();
            Files.deleteIfExists(log);
        }
        assertThat(DrillNetwork.existing()).as("namespaces left").isEmpty();
        assertThat(leftoverProcesses()).as("processes of the drill left").isEmpty();
    }

    @Test
    void cleanupRemovesWhatAKilledDrillLeft() throws Exception {
        Path log = Files.createTempFile("drill-kill", ".log");
        Process drill = drillProcess(log, "--work", work.resolve("run").toString());
        try {
            assertThat(drillUnderWay(drill, log)).as("drill under way; its output:%n%s", Files.readString(log)).isTrue();
            drill.destroyForcibly(); // SIGKILL: no hook runs
            drill.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            Files.deleteIfExists(log);
        }
        assertThat(DrillNetwork.existing()).as("a killed drill leaves its namespaces").isNotEmpty();

        Path cleanupLog = Files.createTempFile("drill-cleanup", ".log");
        try {
            Process cleanup = drillProcess(cleanupLog, "--cleanup");
            assertThat(cleanup.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(cleanup.exitValue()).as(Files.readString(cleanupLog)).isZero();
            assertThat(Files.readString(cleanupLog)).contains("removed [").contains(DrillNetwork.SWITCH);
        } finally {
            Files.deleteIfExists(cleanupLog);
        }
        assertThat(DrillNetwork.existing()).as("namespaces left").isEmpty();
        assertThat(leftoverProcesses()).as("processes of the drill left").isEmpty();
    }
}
