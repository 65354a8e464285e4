package io.noroshi.hub;

import io.noroshi.account.Actor;
import io.noroshi.account.Operator;
import io.noroshi.account.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        hub = Hub.start(new HubOptions(null, true, "127.0.0.1", 0, data, null), Clock.systemUTC());
        operator = hub.admin().accounts().create(EMAIL, PASSWORD.toCharArray());
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
