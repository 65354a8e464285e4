package io.noroshi.mirror;

import io.noroshi.config.NoroshiConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A mirror read from: a mirror the config names (through its target), a URL a static server
 * serves it at, or a local directory. Every file read is checked against the mirror's manifest.
 */
public final class MirrorSource implements AutoCloseable {

    private interface Reader {
        Optional<byte[]> read(String file) throws IOException, InterruptedException;
    }

    private final String name;
    private final Reader reader;
    private final AutoCloseable closer;
    private Manifest manifest;

    private MirrorSource(String name, Reader reader, AutoCloseable closer) {
        this.name = name;
        this.reader = reader;
        this.closer = closer;
    }

    /**
     * @param from a mirror id of {@code config}, an http(s) URL, or a directory
     * @throws MirrorException when {@code from} is none of these
     */
    public static MirrorSource open(String from, NoroshiConfig config, Path stateDir, Map<String, String> env) {
        var target = config == null ? Optional.<io.noroshi.config.MirrorSettings.Target>empty()
                : config.mirrors().targets().stream().filter(t -> t.id().equals(from)).findFirst();
        if (target.isPresent()) {
            MirrorTarget opened = MirrorTargets.open(target.get(), stateDir, env);
            return new MirrorSource("mirror " + from, opened::read, opened);
        }
        if (from.startsWith("http://") || from.startsWith("https://")) {
            String base = from.endsWith("/") ? from : from + "/";
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
            return new MirrorSource(base, file -> {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + file)).timeout(Duration.ofSeconds(60)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 404) return Optional.empty();
                if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode() + " for " + base + file);
                return Optional.of(response.body());
            }, http);
        }
        Path dir = Path.of(from);
        if (Files.isDirectory(dir)) {
            var target2 = new DirectoryTarget(dir);
            return new MirrorSource("directory " + dir, target2::read, target2);
        }
        throw new MirrorException("--from '" + from + "' is neither a mirror id of the config"
                + (config == null ? "" : " " + config.mirrors().targets().stream().map(io.noroshi.config.MirrorSettings.Target::id).toList())
                + ", nor an http(s) URL, nor a directory");
    }

    /** The mirror's manifest. @throws MirrorException when the mirror holds none */
    public Manifest manifest() {
        if (manifest == null) {
            manifest = Manifest.parse(name, raw(Manifest.FILE).orElseThrow(() ->
                    new MirrorException(name + " holds no " + Manifest.FILE + ": is it a Noroshi mirror, and has the hub published to it?")));
        }
        return manifest;
    }

    /**
     * A file the manifest lists, checked against its SHA-256; empty when the manifest does not list it.
     *
     * @throws MirrorException when the bytes differ from the manifest (tampered or half-written)
     */
    public Optional<byte[]> file(String file) {
        Manifest.Entry entry = manifest().files().get(file);
        if (entry == null) return Optional.empty();
        byte[] body = raw(file).orElseThrow(() -> new MirrorException(name + ": the manifest lists " + file + " but the mirror lacks it"));
        if (!SiteFile.sha256(body).equals(entry.sha256())) {
            throw new MirrorException(name + ": " + file + " does not match the manifest's SHA-256 (altered, or a publish under way: try again)");
        }
        return Optional.of(body);
    }

    private Optional<byte[]> raw(String file) {
        try {
            return reader.read(file);
        } catch (IOException e) {
            throw new MirrorException(name + ": cannot read " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MirrorException(name + ": interrupted");
        }
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            // nothing left to do
        }
    }
}
