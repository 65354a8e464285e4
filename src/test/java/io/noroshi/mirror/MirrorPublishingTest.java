package io.noroshi.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.account.Actor;
import io.noroshi.admin.IncidentDraft;
import io.noroshi.admin.UpdateDraft;
import io.noroshi.config.Text;
import io.noroshi.hub.Hub;
import io.noroshi.hub.HubOptions;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.statuspage.Snapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demo hub publishing to a mirror of every kind at once (a directory behind nginx, s3proxy, a
 * bare git repository, a MINA SSHD SFTP server): each serves every path byte-equal to the hub,
 * a re-publish writes only what changed, and a mirror that is down holds none of the others back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MirrorPublishingTest {

    @TempDir
    static Path dir;
    static S3ProxyProcess s3;
    static SftpServerFixture sftp;
    static StaticNginx nginx;
    static Path bare;
    static Hub hub;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        s3 = S3ProxyProcess.start(Files.createDirectories(dir.resolve("s3")));
        s3.createBucket("status");
        sftp = SftpServerFixture.start(Files.createDirectories(dir.resolve("sftp")));
        bare = dir.resolve("pages.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        Path www = Files.createDirectories(dir.resolve("www"));
        nginx = StaticNginx.start(www, Files.createDirectories(dir.resolve("nginx")));
        String yaml = Files.readString(Path.of("src/main/resources/demo/noroshi.yaml")) + """
                mirrors:
                  targets:
                    - {id: osaka-dir, site: osaka-dc2, directory: "%s"}
                    - id: b-s3
                      site: provider-b
                      s3: {endpoint: "%s", bucket: status, region: us-east-1, access_key_env: MIRROR_TEST_KEY, secret_key_env: MIRROR_TEST_SECRET}
                    - {id: pages, site: provider-b, git: {url: "%s", branch: main}}
                    - id: far-sftp
                      site: osaka-dc2
                      sftp: {host: 127.0.0.1, port: %d, user: status, key_file: "%s", known_hosts: "%s", directory: /site}
                """.formatted(www, s3.endpoint(), bare.toUri(), sftp.port(), sftp.keyFile, sftp.knownHosts);
        Path config = dir.resolve("noroshi.yaml");
        Files.writeString(config, yaml);
        hub = Hub.start(new HubOptions(config, true, "127.0.0.1", 0, dir.resolve("data"), null), Clock.systemUTC(),
                Map.of("MIRROR_TEST_KEY", S3ProxyProcess.KEY, "MIRROR_TEST_SECRET", S3ProxyProcess.SECRET));
        hub.close();
        // More incidents than the hub keeps in memory: their pages are rendered on demand, and a mirror must hold them too.
        // Written before the hub starts again, as a history it finds.
        try (var database = io.noroshi.storage.Database.open(io.noroshi.storage.DatabaseSettings.fromCommandLine(dir.resolve("data"),
                java.util.Optional.empty()))) {
        var store = database.incidents();
        for (int i = 0; i < 160; i++) {
            var at = java.time.Instant.now().minus(java.time.Duration.ofHours(6L * (160 - i)));
            var opened = store.open(Text.of("Old incident " + i, "過去の障害 " + i), Impact.MINOR,
                    new io.noroshi.incident.IncidentStore.NewUpdate(IncidentStatus.INVESTIGATING, Text.of("Looking."), at, List.of()));
            store.addUpdate(opened.id(), new io.noroshi.incident.IncidentStore.NewUpdate(IncidentStatus.RESOLVED, Text.of("Fixed."),
                    at.plusSeconds(600), List.of()));
        }
        }
        hub = Hub.start(new HubOptions(config, false, "127.0.0.1", 0, dir.resolve("data"), null), Clock.systemUTC(),
                Map.of("MIRROR_TEST_KEY", S3ProxyProcess.KEY, "MIRROR_TEST_SECRET", S3ProxyProcess.SECRET));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) hub.close();
        if (nginx != null) nginx.close();
        if (sftp != null) sftp.close();
        if (s3 != null) s3.close();
    }

    @Test
    @Order(1)
    void everyMirrorServesEveryPathByteEqualToTheHub() throws Exception {
        Snapshot snapshot = hub.publisher().publishNow();
        var outcomes = hub.mirrors().publishNow(snapshot);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).as(o.mirror()).isNull());
        List<String> paths = snapshot.paths().sorted().toList();
        assertThat(paths).contains("/", "/ja/", "/history", "/api/v2/summary.json", "/history.atom", "/badge.svg");
        assertThat(paths.stream().filter(p -> snapshot.resources().get(p) == null)).as("older pages rendered on demand").isNotEmpty();

        Path gitCopy = dir.resolve("pages-clone");
        Git.cloneRepository().setURI(bare.toUri().toString()).setBranch("main").setDirectory(gitCopy.toFile()).call().close();
        for (String path : paths) {
            HttpResponse<byte[]> fromHub = get("http://127.0.0.1:" + hub.port() + path);
            assertThat(fromHub.statusCode()).as(path).isEqualTo(200);
            byte[] body = fromHub.body();
            String type = fromHub.headers().firstValue("Content-Type").orElseThrow();
            String file = StaticLayout.file(path);

            HttpResponse<byte[]> fromNginx = get("http://127.0.0.1:" + nginx.port + path);
            assertThat(fromNginx.statusCode()).as("nginx " + path).isEqualTo(200);
            assertThat(fromNginx.body()).as("nginx " + path).isEqualTo(body);
            assertThat(fromNginx.headers().firstValue("Content-Type")).as("nginx " + path).contains(type);

            HttpResponse<byte[]> fromS3 = get(s3.endpoint() + "/status/" + file);
            assertThat(fromS3.statusCode()).as("s3 " + file).isEqualTo(200);
            assertThat(fromS3.body()).as("s3 " + file).isEqualTo(body);
            assertThat(S3ProxyProcess.sameType(fromS3.headers().firstValue("Content-Type").orElseThrow(), type)).as("s3 " + file).isTrue();

            assertThat(Files.readAllBytes(gitCopy.resolve(file))).as("git " + file).isEqualTo(body);
            assertThat(Files.readAllBytes(sftp.root.resolve("site").resolve(file))).as("sftp " + file).isEqualTo(body);
        }
        Manifest manifest = Manifest.parse("nginx", get("http://127.0.0.1:" + nginx.port + "/" + Manifest.FILE).body());
        assertThat(manifest.generatedAt()).isEqualTo(snapshot.generatedAt());
        assertThat(manifest.files()).hasSizeGreaterThanOrEqualTo(paths.size());
        assertThat(manifest.files().get("api/v2/summary.json").sha256())
                .isEqualTo(SiteFile.sha256(get("http://127.0.0.1:" + hub.port() + "/api/v2/summary.json").body()));
    }

    @Test
    @Order(2)
    void aRepublishOfTheSameSiteWritesNothing() {
        Snapshot unchanged = hub.publisher().publishNow();
        hub.mirrors().publishNow(unchanged);
        assertThat(hub.mirrors().publishNow(unchanged)).allSatisfy(o -> {
            assertThat(o.error()).as(o.mirror()).isNull();
            assertThat(o.uploaded()).as(o.mirror()).isZero();
        });
    }

    @Test
    @Order(3)
    void aMirrorThatIsDownHoldsNoneOfTheOthersBack() throws Exception {
        sftp.stop();
        String id = openIncident("Mirror test: database failover").id();
        Snapshot snapshot = hub.publisher().publishNow();
        Map<String, String> errors = new TreeMap<>();
        hub.mirrors().publishNow(snapshot).forEach(o -> errors.put(o.mirror(), String.valueOf(o.error())));
        assertThat(errors).containsEntry("osaka-dir", "null").containsEntry("b-s3", "null").containsEntry("pages", "null");
        assertThat(errors.get("far-sftp")).startsWith("mirror far-sftp:");
        // The others serve the new incident already.
        assertThat(get("http://127.0.0.1:" + nginx.port + "/incidents/" + id).statusCode()).isEqualTo(200);
        assertThat(get(s3.endpoint() + "/status/incidents/" + id + "/index.html").statusCode()).isEqualTo(200);
        // What the operator sees: the failing mirror, its error and its lag.
        Map<String, MirrorState> states = hub.mirrors().states().stream().collect(Collectors.toMap(MirrorState::id, s -> s));
        assertThat(states.get("far-sftp").lastError()).isPresent();
        assertThat(states.get("far-sftp").failures()).isPositive();
        assertThat(states.get("osaka-dir").lastError()).isEmpty();
        assertThat(states.get("osaka-dir").holds()).contains(snapshot.generatedAt());
    }

    @Test
    @Order(4)
    void theOperatorSeesEachMirrorsStateInTheAdminApiAndMetrics() throws Exception {
        var operator = hub.admin().accounts().create("ops@example.com", "correct horse battery".toCharArray());
        String token = hub.admin().access().issueToken(Actor.session(operator), "reader", io.noroshi.account.Scope.READ).secret();
        var api = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + "/api/admin/v1/mirrors"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        var mirrors = new com.fasterxml.jackson.databind.ObjectMapper().readTree(api.body()).path("mirrors");
        Map<String, com.fasterxml.jackson.databind.JsonNode> byId = new TreeMap<>();
        mirrors.forEach(m -> byId.put(m.path("id").asText(), m));
        assertThat(byId).containsOnlyKeys("osaka-dir", "b-s3", "pages", "far-sftp");
        assertThat(byId.get("far-sftp").path("last_error").asText()).contains("Connection refused");
        assertThat(byId.get("far-sftp").path("failures_in_a_row").asInt()).isPositive();
        assertThat(byId.get("far-sftp").path("site").asText()).isEqualTo("osaka-dc2");
        assertThat(byId.get("b-s3").path("last_error").isNull()).isTrue();
        assertThat(byId.get("b-s3").path("kind").asText()).isEqualTo("s3");

        var metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + "/metrics"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("noroshi_mirror_lag_seconds{mirror=\"far-sftp\"}", "noroshi_mirror_failures{mirror=\"far-sftp\"}",
                "noroshi_mirror_last_success{mirror=\"osaka-dir\"}");
    }

    private static io.noroshi.incident.Incident openIncident(String title) {
        var first = new UpdateDraft(IncidentStatus.INVESTIGATING, Text.of("We are looking into it."), List.of(), false);
        return hub.admin().incidents().open(Actor.commandLine("test"), new IncidentDraft(Text.of(title), Impact.MINOR, first));
    }

    static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
