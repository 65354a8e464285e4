package io.noroshi.testing.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system tools the harness needs ({@code ip}, {@code nsd}) and fails loudly when one is missing. */
final class Commands {

    private Commands() {
    }

    /** Runs a command to completion; throws with its output when it exits non-zero. */
    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("failed (exit " + process.exitValue() + "): " + String.join(" ", command) + "\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + " (" + e.getMessage() + "). The DNS tests need iproute2 and nsd"
                    + " (Debian: apt-get install -y iproute2 nsd unbound) and must run as root to create network namespaces.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    /** Runs a command and ignores its failure: teardown must go on past a part already gone. */
    static void quietly(String... command) {
        try {
            run(command);
        } catch (RuntimeException ignored) {
            // the link or namespace was already removed, which is what teardown wants
        }
    }

    static void requireTools() {
        for (List<String> probe : List.of(List.of("ip", "netns", "list"), List.of("nsd", "-v"), List.of("unbound", "-V"))) {
            run(probe.toArray(String[]::new));
        }
        if (!"0".equals(run("id", "-u").strip())) {
            throw new IllegalStateException("the DNS tests create network namespaces and must run as root (uid 0)");
        }
    }
}
