package io.noroshi.drill;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The drill's child processes, each started inside a site's namespace ({@code ip netns exec}
 * replaces itself with the program, so the PID is the program's) and stopped by that PID:
 * SIGTERM, then SIGKILL after a bounded wait.
 */
final class Children implements AutoCloseable {

    /** One started child: its name for the operator, its process and its log. */
    record Child(String name, Process process, Path log) {
        long pid() {
            return process.pid();
        }
    }

    private final List<Child> started = new ArrayList<>();
    private boolean closed;

    /** Starts {@code command} in {@code site}'s namespace, output to {@code log}. */
    synchronized Child start(String name, String site, Path log, Map<String, String> env, List<String> command) {
        if (closed) throw new DrillException("the drill is being stopped; " + name + " not started");
        var full = new ArrayList<String>(List.of("ip", "netns", "exec", DrillNetwork.namespace(site)));
        full.addAll(command);
        var builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        try {
            Child child = new Child(name, builder.start(), log);
            started.add(child);
            return child;
        } catch (IOException e) {
            throw new DrillException("cannot start " + name + ": " + e.getMessage());
        }
    }

    /** Stops {@code child} by its PID: SIGTERM, at most 10 s, then SIGKILL. */
    void stop(Child child) {
        Process p = child.process();
        if (!p.isAlive()) return;
        Shell.run("kill", "-CONT", Long.toString(p.pid())); // a paused child cannot act on SIGTERM
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Pauses (SIGSTOP) or resumes (SIGCONT) {@code child}. */
    void signal(Child child, String signal) {
        Shell.must("kill", "-" + signal, Long.toString(child.pid()));
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Child child : started.reversed()) stop(child);
        started.clear();
    }
}
