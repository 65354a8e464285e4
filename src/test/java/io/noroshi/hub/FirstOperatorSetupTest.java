package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-time setup token printed at the first start creates the first operator, once. */
class FirstOperatorSetupTest {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void setupTokenIsPrintedOnceStoredHashedAndUsableOnce(@TempDir Path data) throws Exception {
        PrintStream original = System.out;
        var captured = new ByteArrayOutputStream();
        Hub hub;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            hub = Hub.start(new HubOptions(null, true, "127.0.0.1", 0, data, null), Clock.systemUTC());
        } finally {
            System.setOut(original);
        }
        try (hub) {
            var matcher = Pattern.compile("(nrs_setup_[A-Za-z0-9_-]{43})").matcher(captured.toString(StandardCharsets.UTF_8));
            assertThat(matcher.find()).as(captured.toString()).isTrue();
            String token = matcher.group(1);
            byte[] file = Files.readAllBytes(data.resolve("noroshi.db"));
            assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain(token);
            assertThat(hub.admin().accounts().setupPending()).isTrue();

            String base = "http://127.0.0.1:" + hub.port();
            assertThat(captured.toString(StandardCharsets.UTF_8)).as("a full URL and a command to type")
                    .contains("at " + base + "/admin/setup with this one-time token", " admin create --email you@example.com --data " + data);
            assertThat(send(base, "/admin/login", null).headers().firstValue("Location")).hasValue("/admin/setup");
            var wrong = setup(base, "nrs_setup_" + "x".repeat(43));
            assertThat(wrong.statusCode()).isEqualTo(403);
            var ok = setup(base, token);
            assertThat(ok.statusCode()).isEqualTo(302);
            assertThat(ok.headers().firstValue("Location")).hasValue("/admin/incidents");
            assertThat(hub.database().operators().findByEmail("first@example.com")).isPresent();
            assertThat(setup(base, token).statusCode()).isEqualTo(403);
            assertThat(hub.database().operators().count()).isEqualTo(1);
            assertThat(hub.database().auditLog().recent("", 10)).anySatisfy(e -> assertThat(e.action()).isEqualTo("operator.setup"));
        }
    }

    private HttpResponse<String> setup(String base, String token) throws Exception {
        var form = send(base, "/admin/setup", null);
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("noroshi_login_csrf="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse("noroshi_login_csrf=");
        String csrf = cookie.substring(cookie.indexOf('=') + 1);
        String body = "csrf=" + csrf + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&email=first%40example.com&password=" + URLEncoder.encode("a long enough password", StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(base + "/admin/setup")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String base, String path, String cookie) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) request.header("Cookie", cookie);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
