package io.noroshi.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short system commands ({@code ip}, {@code curl}) with a bounded wait. */
final class Shell {

    private Shell() {
    }

    /** A finished command: exit code and its output (stdout and stderr together). */
    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    /** Runs {@code command} and waits at most {@code limit}; a command still running then is killed and counts as failed. */
    static Result run(Duration limit, String stdin, List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(127, "cannot run " + command.getFirst() + ": " + e.getMessage());
        }
        try {
            try (var in = process.getOutputStream()) {
                if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            var output = new java.io.ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    process.getInputStream().transferTo(output);
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                reader.join(1000);
                return new Result(124, "timed out after " + limit.toSeconds() + " s: " + String.join(" ", command));
            }
            reader.join(5000);
            return new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroyForcibly();
            return new Result(126, e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(130, "interrupted");
        }
    }

    static Result run(String... command) {
        return run(Duration.ofSeconds(30), null, List.of(command));
    }

    /** Runs {@code command}; throws {@link DrillException} with its output when it fails. */
    static String must(String... command) {
        Result r = run(command);
        if (!r.ok()) throw new DrillException(String.join(" ", command) + " failed (exit " + r.exit() + "): " + r.output().strip());
        return r.output();
    }
}
