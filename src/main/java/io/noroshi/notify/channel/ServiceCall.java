package io.noroshi.notify.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * One HTTP call to a service, with the answer mapped to the outbox's terms: 2xx is done; 408, 429 and 5xx, a
 * timeout or a failed connection are worth retrying (with the service's {@code Retry-After}); any other status is
 * permanent. Error messages name the channel kind, the status and a short detail from the service's answer, with
 * every secret and anything that looks like a phone number taken out.
 */
final class ServiceCall {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int DETAIL_MAX = 200;

    private final String kind;
    private final List<String> secrets;
    private final Function<JsonNode, Optional<String>> detail;

    /**
     * @param secrets strings that must never appear in a message (tokens, webhook URLs, passwords)
     * @param detail  picks a safe detail (an error code, a service's message) from a JSON answer
     */
    ServiceCall(String kind, List<String> secrets, Function<JsonNode, Optional<String>> detail) {
        this.kind = kind;
        // longest first, so a URL is taken out whole before its path is
        this.secrets = secrets.stream().filter(s -> s != null && !s.isBlank())
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        this.detail = detail;
    }

    /**
     * The detail most services give: {@code error}, {@code errcode}, {@code description} or {@code message}, and the
     * {@code message} after it when both are there (AT Protocol's {@code InvalidRequest: Record/text too long}).
     */
    static Optional<String> usualDetail(JsonNode answer) {
        for (String field : List.of("error", "errcode", "description", "message")) {
            JsonNode value = answer.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                JsonNode message = answer.get("message");
                boolean more = !field.equals("message") && message != null && message.isTextual()
                        && !message.asText().isBlank() && !message.asText().equals(value.asText());
                return Optional.of(more ? value.asText() + ": " + message.asText() : value.asText());
            }
        }
        return Optional.empty();
    }

    /** Sends the request; returns the 2xx answer or throws what the outbox needs to know. */
    HttpResponse<String> send(HttpClient http, HttpRequest request) throws DeliveryException {
        return send(http, request, status -> false);
    }

    /** As {@link #send(HttpClient, HttpRequest)}, with statuses besides 2xx that also mean done (LINE's 409). */
    HttpResponse<String> send(HttpClient http, HttpRequest request, IntPredicate alsoDone) throws DeliveryException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException timeout) {
            throw DeliveryException.retryable(kind + ": no answer in time", Optional.empty(), null);
        } catch (IOException failed) {
            throw DeliveryException.retryable(kind + ": connection failed (" + failed.getClass().getSimpleName() + ")",
                    Optional.empty(), null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable(kind + ": interrupted", Optional.empty(), null);
        }
        if (response.statusCode() / 100 == 2 || alsoDone.test(response.statusCode())) return response;
        throw failure(response);
    }

    /** The exception for a non-2xx answer. */
    DeliveryException failure(HttpResponse<String> response) {
        int status = response.statusCode();
        Optional<JsonNode> answer = json(response.body());
        String message = kind + ": HTTP " + status + answer.flatMap(detail).or(() -> plainDetail(response.body()))
                .map(d -> " " + scrub(d)).orElse("");
        if (status == 408 || status == 429 || status >= 500) {
            Optional<Duration> after = response.headers().firstValue("Retry-After")
                    .flatMap(value -> retryAfter(value, Instant.now()))
                    .or(() -> answer.flatMap(ServiceCall::retryAfterInBody));
            return DeliveryException.retryable(message, after, null);
        }
        return DeliveryException.permanent(message, null);
    }

    /** A {@code Retry-After} value: delay-seconds (a decimal is rounded up) or an HTTP-date, from {@code now}. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        String trimmed = value.strip();
        try {
            double seconds = Double.parseDouble(trimmed);
            if (seconds >= 0 && seconds < 1e9) return Optional.of(Duration.ofSeconds((long) Math.ceil(seconds)));
            return Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** Telegram's {@code parameters.retry_after}, Matrix's {@code retry_after_ms}, Discord's {@code retry_after}. */
    static Optional<Duration> retryAfterInBody(JsonNode answer) {
        JsonNode telegram = answer.path("parameters").path("retry_after");
        if (telegram.isNumber()) return Optional.of(Duration.ofSeconds(telegram.asLong()));
        JsonNode matrix = answer.path("retry_after_ms");
        if (matrix.isNumber()) return Optional.of(Duration.ofMillis(matrix.asLong()));
        JsonNode discord = answer.path("retry_after");
        if (discord.isNumber()) return Optional.of(Duration.ofMillis((long) Math.ceil(discord.asDouble() * 1000)));
        return Optional.empty();
    }

    /** Takes every secret and every run of 6 or more digits (a phone number) out of a text from a service. */
    String scrub(String text) {
        String clean = text;
        for (String secret : secrets) clean = clean.replace(secret, "***");
        clean = clean.replaceAll("\\+?\\d[\\d \\-().]{4,}\\d", "#")
                .replaceAll("[\\p{Cntrl}]+", " ").strip();
        return clean.length() > DETAIL_MAX ? clean.substring(0, DETAIL_MAX) + "…" : clean;
    }

    private static Optional<JsonNode> json(String body) {
        if (body == null || body.isBlank() || !body.strip().startsWith("{")) return Optional.empty();
        try {
            return Optional.of(JSON.readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** A short plain-text answer like Slack's {@code invalid_payload}: an identifier, nothing else. */
    private static Optional<String> plainDetail(String body) {
        String trimmed = body == null ? "" : body.strip();
        return trimmed.matches("[A-Za-z0-9_.:-]{1,64}") ? Optional.of(trimmed) : Optional.empty();
    }
}
