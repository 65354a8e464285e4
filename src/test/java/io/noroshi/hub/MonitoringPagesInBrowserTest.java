package io.noroshi.hub;

import static io.noroshi.monitor.HubUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import io.noroshi.agent.Agent;
import io.noroshi.agent.AgentSettings;
import io.noroshi.monitor.AgentTokens;
import io.noroshi.monitor.AgentWire;
import io.noroshi.monitor.ProbeCodec;
import io.noroshi.monitor.Verdict;
import io.noroshi.probe.Checkers;
import io.noroshi.probe.heartbeat.HeartbeatLedger;
import io.noroshi.probe.http.HttpChecker;
import io.noroshi.testing.Browser;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part 4 of issue 10: the operator sees the monitoring on an admin page (server-rendered, JavaScript
 * off in Chromium) and in the admin API: verdicts, each vantage point's last result, the agents, and
 * a vantage point that disagrees with the quorum highlighted. A real hub, a real agent (osaka) and a
 * real TCP target on loopback; the "office" agent, cut off from the target, is played over the agent API.
 */
class MonitoringPagesInBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private ServerSocket target;
    private AdminHub admin;
    private Agent osaka;
    private Browser browser;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        if (browser != null) browser.close();
        if (osaka != null) osaka.close();
        if (admin != null) admin.close();
        if (target != null) target.close();
    }

    @Test
    void theOperatorSeesVerdictsAgentsAndTheVantagePointThatDisagrees() throws Exception {
        target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!target.isClosed()) {
                try (var ignored = target.accept()) {
                    // accept and close
                } catch (Exception e) {
                    return;
                }
            }
        });
        Path config = dir.resolve("noroshi.yaml");
        Files.writeString(config, """
                page: {name: Acme}
                sites: [{id: osaka}, {id: office}]
                components: [{id: web, name: Web}]
                vantage_points:
                  - {id: osaka, site: osaka, token_sha256: %s}
                  - {id: office, site: office, token_sha256: %s}
                monitors:
                  - {id: www, kind: tcp, host: 127.0.0.1, port: %d, interval: 1s, timeout: 10s, component: web, quorum: 2}
                """.formatted(AgentTokens.hashOf("osaka-token"), AgentTokens.hashOf("office-token"), target.getLocalPort()));
        admin = new AdminHub(dir.resolve("data"), config);
        var clock = Clock.systemUTC();
        osaka = new Agent(new AgentSettings(URI.create(admin.url("/")), "osaka-token", "osaka", "osaka", dir.resolve("agent"),
                Duration.ofSeconds(30), Duration.ofMillis(200)), HttpChecker.defaultClient(),
                Checkers.standard(clock, HttpChecker.defaultClient(), new HeartbeatLedger(clock)), w -> { }).start();
        assertThat(await(Duration.ofSeconds(30), () -> admin.hub.monitoring().engine().verdict("www") == Verdict.UP)).isTrue();
        // Someone tries the osaka agent's name with a guessed token.
        var guess = HttpRequest.newBuilder(URI.create(admin.url("/api/agent/v1/checks"))).header("Authorization", "Bearer guess")
                .header("X-Noroshi-Agent", "osaka").build();
        assertThat(http.send(guess, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        officeReportsDown();

        var api = JSON.readTree(admin.get("/api/admin/v1/monitoring", admin.readToken).body());
        JsonNode www = api.get("monitors").get(0);
        assertThat(www.get("verdict").asText()).isEqualTo("up");
        assertThat(www.get("disagreement").asBoolean()).isTrue();
        assertThat(www.get("vantage_points").findValuesAsText("vantage")).containsExactly("hub", "osaka", "office");
        assertThat(api.get("agents").get(0).get("failed_logins").asInt()).isEqualTo(1);
        assertThat(api.get("agents").get(0).get("version").asText()).isEqualTo(AgentWire.VERSION);

        browser = new Browser();
        Page page = loggedIn();
        page.click("nav >> text=Monitoring");
        assertThat(page.url()).endsWith("/admin/monitoring");
        officeReportsDown(); // fresh again, whatever the browser's start took
        page.reload();
        assertThat(page.innerText("#monitor-www h2")).contains("www").contains("up");
        assertThat(page.getAttribute("#monitor-www tr[data-vantage=office]", "class")).contains("disagrees");
        assertThat(page.innerText("#monitor-www tr[data-vantage=office]")).contains("disagrees").contains("down").contains("no route to host");
        assertThat(page.getAttribute("#monitor-www tr[data-vantage=osaka]", "class")).doesNotContain("disagrees");
        assertThat(page.innerText("#monitor-www .disagreement")).contains("disagrees with the quorum");
        assertThat(page.innerText("#agents tr[data-agent=osaka]")).contains(AgentWire.VERSION).endsWith("1");
        assertThat(page.innerText("#agents tr[data-agent=office]")).contains("0");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "admin-monitoring.png")).setFullPage(true));

        page.click("#monitor-www h2 a");
        assertThat(page.url()).endsWith("/admin/monitoring/www");
        assertThat(page.innerText("#recent")).contains("osaka").contains("hub").contains(" ms");
    }

    private long officeSeq;

    /** The office agent, cut off from the target, uploads two failed checks taken just now. */
    private void officeReportsDown() throws Exception {
        long now = Instant.now().toEpochMilli();
        var batch = new AgentWire.Batch(List.of(new AgentWire.Result(++officeSeq, "www", "down", now - 1, 3, "no route to host"),
                new AgentWire.Result(++officeSeq, "www", "down", now, 3, "no route to host")));
        var upload = HttpRequest.newBuilder(URI.create(admin.url("/api/agent/v1/results"))).header("Authorization", "Bearer office-token")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ProbeCodec.mapper().writeValueAsBytes(batch))).build();
        assertThat(http.send(upload, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private Page loggedIn() throws Exception {
        Files.createDirectories(Path.of("target", "screenshots"));
        Page page = browserPage();
        page.navigate(admin.url("/admin"));
        page.fill("#email", AdminHub.EMAIL);
        page.fill("#password", AdminHub.PASSWORD);
        page.click("button[type=submit]");
        assertThat(page.url()).endsWith("/admin/incidents");
        return page;
    }

    /** JavaScript off: the page must work without it. */
    private Page browserPage() {
        Page page = browser.newPage();
        var context = page.context();
        page.close();
        var noScript = context.browser().newContext(new NewContextOptions().setJavaScriptEnabled(false).setViewportSize(1200, 900));
        Page fresh = noScript.newPage();
        fresh.context().setDefaultTimeout(15_000);
        return fresh;
    }
}
