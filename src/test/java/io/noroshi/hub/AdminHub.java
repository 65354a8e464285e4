package io.noroshi.hub;

import io.noroshi.account.Actor;
import io.noroshi.account.Operator;
import io.noroshi.account.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** A demo hub on a loopback port with one operator and a token of each scope, for tests over real HTTP. */
final class AdminHub implements AutoCloseable {

    static final String EMAIL = "ops@example.com";
    static final String PASSWORD = "correct horse battery";

    final Hub hub;
    final Operator operator;
    final String readToken;
    final String incidentsToken;
    final String adminToken;
    final HttpClient http = HttpClient.newHttpClient();

    AdminHub(Path data) {
        this(data, null);
    }

    /** A hub on {@code config} (null: the demo config with its history). */
    AdminHub(Path data, Path config) {
        this(data, config, null);
    }

    /** A demo hub on the PostgreSQL database at {@code databaseUrl} (null: SQLite under {@code data}). */
    static AdminHub on(Path data, String databaseUrl) {
        return new AdminHub(data, null, databaseUrl);
    }

    private AdminHub(Path data, Path config, String databaseUrl) {
        hub = Hub.start(new HubOptions(config, config == null, "127.0.0.1", 0, data, databaseUrl), Clock.systemUTC());
        // a hub restarted on the same data keeps its operator
        operator = hub.database().operators().findByEmail(EMAIL).orElseGet(() -> hub.admin().accounts().create(EMAIL, PASSWORD.toCharArray()));
        var actor = Actor.session(operator);
        readToken = hub.admin().access().issueToken(actor, "reader", Scope.READ).secret();
        incidentsToken = hub.admin().access().issueToken(actor, "responder", Scope.INCIDENTS).secret();
        adminToken = hub.admin().access().issueToken(actor, "root", Scope.ADMIN).secret();
    }

    String url(String path) {
        return "http://127.0.0.1:" + hub.port() + path;
    }

    HttpResponse<String> send(String method, String path, String token, String body) {
        var request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request to " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Logs in through the login form as a browser would; returns the {@code Cookie} header value of the session. */
    String login() {
        var form = send(HttpRequest.newBuilder(URI.create(url("/admin/login"))).GET());
        String csrfCookie = cookie(form, "noroshi_login_csrf");
        String csrf = csrfCookie.substring(csrfCookie.indexOf('=') + 1);
        var done = send(HttpRequest.newBuilder(URI.create(url("/admin/login"))).header("Cookie", csrfCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf + "&email=" + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))));
        if (done.statusCode() != 302) throw new AssertionError("login answered " + done.statusCode() + ": " + done.body());
        return cookie(done, "noroshi_session");
    }

    /** A browser page logged in through the form, as a reader in {@code locale}, dark or light, {@code width} CSS pixels wide. */
    com.microsoft.playwright.Page loggedIn(io.noroshi.testing.Browser browser, String locale, boolean dark, int width) {
        var page = browser.newPage(locale, dark, width);
        page.context().setDefaultTimeout(15_000);
        page.navigate(url("/admin"));
        page.fill("#email", EMAIL);
        page.fill("#password", PASSWORD);
        page.click("button[type=submit]");
        if (!page.url().endsWith("/admin/incidents")) throw new AssertionError("login led to " + page.url());
        return page;
    }

    /** A page of the admin, with the session cookie from {@link #login()} (or none). */
    HttpResponse<String> page(String path, String sessionCookie) {
        var request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (sessionCookie != null) request.header("Cookie", sessionCookie);
        return send(request);
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + response.headers().map()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null);
    }

    HttpResponse<String> post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    @Override
    public void close() {
        hub.close();
    }
}
