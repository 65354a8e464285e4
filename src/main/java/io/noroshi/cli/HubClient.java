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
import java.util.UUID;

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

    /** The hub answered, but its database is unavailable (HTTP 503 database_unavailable): nothing was stored. */
    static final class DatabaseUnavailable extends Exception {
        DatabaseUnavailable(String message) {
            super(message);
        }
    }

    /** The hub could not be reached at all. */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Tries of a request whose connection was lost; the pause before try n+1 is n times {@link #RETRY_PAUSE}. */
    static final int ATTEMPTS = 3;
    static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    private final HttpClient http;
    private final String hub;
    private final String token;

    HubClient(HttpClient http, String hub, String token) {
        this.http = http;
        this.hub = hub.endsWith("/") ? hub.substring(0, hub.length() - 1) : hub;
        this.token = token;
    }

    JsonNode get(String path) throws Refused, Unreachable, DatabaseUnavailable {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode post(String path, Object body) throws Refused, Unreachable, DatabaseUnavailable {
        return send(write(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(write(body)))
                .header("Content-Type", "application/json")));
    }

    JsonNode put(String path, Object body) throws Refused, Unreachable, DatabaseUnavailable {
        return send(write(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(write(body)))
                .header("Content-Type", "application/json")));
    }

    JsonNode delete(String path) throws Refused, Unreachable, DatabaseUnavailable {
        return send(write(HttpRequest.newBuilder(uri(path)).DELETE()));
    }

    /** One key per write, kept over its retries, so the hub applies the write once however often it is sent. */
    private static HttpRequest.Builder write(HttpRequest.Builder request) {
        return request.header("Idempotency-Key", UUID.randomUUID().toString());
    }

    /**
     * Sends, and sends again (same request, same key) when the connection was lost after it was
     * made: the request may have reached the hub, and only the key makes a second try safe. A
     * refused or timed-out connection is not retried: nothing was sent, or the hub is not answering.
     */
    private JsonNode send(HttpRequest.Builder builder) throws Refused, Unreachable, DatabaseUnavailable {
        builder.header("Authorization", "Bearer " + token).header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            try {
                return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
            } catch (ConnectException | HttpTimeoutException e) {
                throw unreachable(e);
            } catch (IOException e) {
                if (attempt >= ATTEMPTS) {
                    throw new Unreachable("lost the connection to the hub at " + hub + " " + ATTEMPTS + " times: " + reason(e));
                }
                pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unreachable("interrupted");
            }
        }
    }

    private Unreachable unreachable(IOException e) {
        return switch (e) {
            case HttpConnectTimeoutException t -> new Unreachable("cannot reach the hub at " + hub + ": connection timed out");
            case ConnectException c -> new Unreachable("cannot reach the hub at " + hub + ": connection refused");
            default -> new Unreachable("the hub at " + hub + " did not answer within 30 s");
        };
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void pause(int attempt) throws Unreachable {
        try {
            Thread.sleep(RETRY_PAUSE.multipliedBy(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
    }

    private JsonNode answer(HttpResponse<String> response) throws Refused, DatabaseUnavailable {
        JsonNode body;
        try {
            body = MAPPER.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (response.statusCode() == 503 && body != null && "database_unavailable".equals(body.path("error").asText())) {
            throw new DatabaseUnavailable("the hub's database is unavailable; nothing was stored. Retry in "
                    + response.headers().firstValue("Retry-After").orElse("a few") + " seconds (the public page keeps serving)");
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
