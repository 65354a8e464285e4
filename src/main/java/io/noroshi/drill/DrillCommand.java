package io.noroshi.drill;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code noroshi drill}: the site-loss drill in network namespaces on this machine (as root). */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Site-loss drill (as root): sites A, B, C and a customer in network namespaces; cut A off, restore a standby in B "
                + "from a mirror, declare the outage, publish the first notice, and time each step until the customer reads it on a mirror.")
public final class DrillCommand implements Callable<Integer> {

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "10", description = "The monitors' check interval in seconds (default: ${DEFAULT-VALUE}).")
    int interval;

    @Option(names = "--work", paramLabel = "DIR", description = "Directory for configs, data, logs and mirror files (default: a new /tmp/nrdrill-PID; removed afterwards unless --keep).")
    Path work;

    @Option(names = "--keep", description = "Keep the work directory (logs, databases, the relay's mail) after the drill.")
    boolean keep;

    @Option(names = "--cleanup", description = "Remove what a killed drill left: namespaces named " + DrillNetwork.PREFIX + "* and what runs in them; then exit.")
    boolean cleanup;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            DrillNetwork.requirePermitted();
        } catch (DrillException e) {
            err.println("noroshi drill: " + e.getMessage());
            return 1;
        }
        if (cleanup) {
            var removed = DrillNetwork.removeLeftovers();
            out.println(removed.isEmpty() ? "noroshi drill: no namespaces to clean up" : "noroshi drill: removed " + removed + " and the processes in them");
            // work directories of drills that are no longer running: /tmp/nrdrill-PID
            try (var dirs = Files.list(Path.of("/tmp"))) {
                for (Path dir : dirs.toList()) {
                    String name = dir.getFileName().toString();
                    if (!name.matches(java.util.regex.Pattern.quote(DrillNetwork.PREFIX) + "\\d+")) continue;
                    long pid = Long.parseLong(name.substring(DrillNetwork.PREFIX.length()));
                    if (ProcessHandle.of(pid).isPresent()) continue;
                    deleteTree(dir);
                    out.println("noroshi drill: removed " + dir);
                }
            } catch (IOException e) {
                err.println("noroshi drill: cannot list /tmp: " + e.getMessage());
            }
            return 0;
        }
        if (interval < 1 || interval > 300) {
            err.println("noroshi drill: --interval must be between 1 and 300 seconds, not " + interval);
            return 2;
        }
        if (!DrillNetwork.existing().isEmpty()) {
            err.println("noroshi drill: namespaces " + DrillNetwork.existing() + " exist already (another drill, or a killed one): "
                    + "run `noroshi drill --cleanup` when no drill is running");
            return 1;
        }
        boolean ownWork = work == null;
        if (ownWork) work = Path.of("/tmp", DrillNetwork.PREFIX + ProcessHandle.current().pid());
        Drill drill = new Drill(Duration.ofSeconds(interval), work, out);
        Thread hook = new Thread(() -> {
            drill.close();
            if (ownWork && !keep) deleteTree(work);
        }, "drill-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        Drill.Report report;
        try {
            report = drill.run();
        } finally {
            drill.close();
            out.println("removed every namespace and process of the drill");
            if (ownWork && !keep) deleteTree(work);
            else out.println("kept " + work);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        print(report, out);
        return report.completed() ? 0 : 1;
    }

    static void print(Drill.Report report, PrintWriter out) {
        for (String w : report.workarounds()) out.println("WORKAROUND (not the product's own path): " + w);
        for (Drill.Step s : report.steps()) {
            if (s.ok()) out.printf(java.util.Locale.ROOT, "RESULT drill_%s_s=%.1f%n", s.key(), s.seconds());
        }
        report.steps().stream().filter(s -> s.key().equals("customer_read") && s.ok()).findFirst().ifPresent(s -> {
            out.printf(java.util.Locale.ROOT, "cut to the customer reading the notice on a mirror: %.1f s (target <= 60 s with a 10 s interval)%n", s.sinceCut());
            out.printf(java.util.Locale.ROOT, "RESULT drill_cut_to_mirror_notice_s=%.1f%n", s.sinceCut());
        });
        out.println(report.completed() ? "drill completed" : "drill FAILED: " + report.steps().stream().filter(s -> !s.ok()).findFirst()
                .map(s -> s.title() + ": " + s.detail()).orElse("no step ran"));
        out.flush();
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort; the directory is under /tmp
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
