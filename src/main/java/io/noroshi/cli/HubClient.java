package io.noroshi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** The command line's way to a hub's admin API: JSON over HTTP with a bearer token. */
final class HubClient {

    /** The hub refused: its status and JSON error (message and the field it names). */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The hub could not be reached at all. */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http;
    private final String hub;
    private final String token;

    HubClient(HttpClient http, String hub, String token) {
        this.http = http;
        this.hub = hub.endsWith("/") ? hub.substring(0, hub.length() - 1) : hub;
        this.token = token;
    }

    JsonNode get(String path) throws Refused, Unreachable {
        return send(HttpRequest.newBuilder(uri(path)).GET(), path);
    }

    JsonNode post(String path, Object body) throws Refused, Unreachable {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(write(body)))
                .header("Content-Type", "application/json"), path);
    }

    JsonNode delete(String path) throws Refused, Unreachable {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), path);
    }

    private JsonNode send(HttpRequest.Builder request, String path) throws Refused, Unreachable {
        request.header("Authorization", "Bearer " + token).header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new Unreachable("cannot reach the hub at " + hub + ": connection timed out");
        } catch (ConnectException e) {
            throw new Unreachable("cannot reach the hub at " + hub + ": connection refused");
        } catch (HttpTimeoutException e) {
            throw new Unreachable("the hub at " + hub + " did not answer within 30 s");
        } catch (IOException e) {
            throw new Unreachable("cannot reach the hub at " + hub + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (response.statusCode() >= 400 || body == null) {
            String message = body != null && body.hasNonNull("message") ? body.get("message").asText() : "HTTP " + response.statusCode();
            if (body != null && body.hasNonNull("field") && !body.get("field").asText().isEmpty()) {
                message = body.get("field").asText() + ": " + message;
            }
            throw new Refused(response.statusCode(), "the hub refused (HTTP " + response.statusCode() + "): " + message);
        }
        return body;
    }

    private URI uri(String path) throws Unreachable {
        try {
            return URI.create(hub + "/api/admin/v1" + path);
        } catch (IllegalArgumentException e) {
            throw new Unreachable("--hub " + hub + " is not a URL like http://127.0.0.1:8080");
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
