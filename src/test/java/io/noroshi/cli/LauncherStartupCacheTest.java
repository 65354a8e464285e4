package io.noroshi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./noroshi} launcher on a first start after a build: it starts at once without a startup cache,
 * records one in the background (a detached process), and the next start runs with it. Runs the real script
 * from a temporary copy of the installation (the script, {@code scripts/}, {@code target/noroshi.jar} with
 * its {@code target/lib/}), so the repository's own cache is never touched. Waits are bounded; no timing is judged.
 */
class LauncherStartupCacheTest {

    @TempDir
    Path install;

    @Test
    void theFirstStartRecordsTheCacheInTheBackgroundAndTheNextStartUsesIt() throws Exception {
        assumeThat(Runtime.version().feature()).as("the AOT cache needs JDK 25").isGreaterThanOrEqualTo(25);
        copyInstallation();
        Path cache = install.resolve("target/noroshi.aot");
        // What a recording killed midway leaves: a partial file named after a process that is gone.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path leftOver = Files.writeString(install.resolve("target/noroshi.aot." + gone.pid() + ".partial"), "half a cache");

        // The first start serves without waiting for the recording: its JVM runs without the cache.
        var first = start("serve", "--demo", "--bind", "127.0.0.1", "--port", "0", "--data", install.resolve("data1").toString());
        try {
            awaitHub(first);
            assertThat(commandLine(first)).doesNotContain("-XX:AOTCache");
            assertThat(install.resolve("err.txt")).content().contains("the JVM startup cache is recorded in the background")
                    .doesNotContain("building the jar");
        } finally {
            stop(first);
        }

        // The recording outlives the first run; the stamp is written last, once the cache is in place.
        Path stamp = install.resolve("target/noroshi.aot.stamp");
        for (int i = 0; i < 600 && !Files.exists(stamp); i++) Thread.sleep(500);
        assertThat(stamp).as(() -> "no cache recorded; its log: " + read(install.resolve("target/noroshi.aot.log"))).exists();
        assertThat(cache).isNotEmptyFile();
        assertThat(install.resolve("target/noroshi.aot.log")).content().contains("startup training answered");
        assertThat(leftOver).as("a killed recording's partial file").doesNotExist();

        // The next start: no second recording, and the hub's JVM has the cache mapped.
        var second = start("serve", "--demo", "--bind", "127.0.0.1", "--port", "0", "--data", install.resolve("data2").toString());
        try {
            awaitHub(second);
            String maps = Files.readString(Path.of("/proc", String.valueOf(second.pid()), "maps"));
            assertThat(maps).as("the JVM maps the recorded cache").contains(cache.toRealPath().toString());
            assertThat(commandLine(second)).contains("-XX:AOTCache=" + cache);
            assertThat(install.resolve("err.txt")).content().doesNotContain("recorded in the background");
        } finally {
            stop(second);
        }
    }

    /** Reads the hub's output up to the line that says it serves. */
    private static void awaitHub(Process hub) throws IOException {
        var stdout = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = stdout.readLine()) != null && !line.startsWith("Noroshi hub: status page on")) {
            // the lines before the hub serves
        }
        assertThat(line).as("the hub did not start").isNotNull();
    }

    private static String commandLine(Process process) throws IOException {
        return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).replace('\0', ' ');
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) process.destroyForcibly();
    }

    /** The script, its helpers, and a jar laid out as {@code mvn package} lays it out: classes in the jar, libraries in lib/. */
    private void copyInstallation() throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        Files.copy(repo.resolve("noroshi"), install.resolve("noroshi"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(install.resolve("scripts"));
        for (String script : List.of("jdk.sh", "startup-cache.sh")) {
            Files.copy(repo.resolve("scripts").resolve(script), install.resolve("scripts").resolve(script));
        }
        Path lib = Files.createDirectories(install.resolve("target/lib"));
        var classPath = new ArrayList<String>();
        String[] entries = System.getProperty("java.class.path").split(java.io.File.pathSeparator);
        Path classes = Stream.of(entries).map(e -> Path.of(e).toAbsolutePath())
                .filter(p -> Files.isDirectory(p) && p.getFileName().toString().equals("classes")).findFirst()
                .orElseThrow(() -> new AssertionError("target/classes is not on the test class path"));
        for (String entry : entries) {
            Path p = Path.of(entry).toAbsolutePath();
            if (entry.endsWith(".jar") && Files.isRegularFile(p) && !Files.exists(lib.resolve(p.getFileName()))) {
                Files.createSymbolicLink(lib.resolve(p.getFileName()), p);
                classPath.add("lib/" + p.getFileName());
            }
        }
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        manifest.getMainAttributes().putValue("Enable-Native-Access", "ALL-UNNAMED");
        manifest.getMainAttributes().putValue("Add-Exports", "java.base/sun.nio.ch");
        try (OutputStream out = Files.newOutputStream(install.resolve("target/noroshi.jar"));
             var jar = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> !f.equals(classes)).sorted().toList()) {
                // directories too: Flyway finds its migrations through the directory entries
                String name = classes.relativize(file).toString().replace('\\', '/');
                jar.putNextEntry(new JarEntry(Files.isDirectory(file) ? name + "/" : name));
                if (!Files.isDirectory(file)) Files.copy(file, jar);
                jar.closeEntry();
            }
        }
    }

    private Process start(String... args) throws IOException {
        var command = new ArrayList<>(List.of(install.resolve("noroshi").toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(install.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("NOROSHI_JAVA_OPTS");
        builder.environment().remove("NOROSHI_DATABASE_URL");
        // stderr to a file, read once the hub serves (a pipe nobody reads could fill)
        return builder.redirectError(install.resolve("err.txt").toFile()).start();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(none: " + e.getMessage() + ")";
        }
    }
}
