package io.noroshi.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.monitor.AgentWire;
import io.noroshi.monitor.ProbeCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The agent's side of the agent API: fetch the assignment, upload results. */
final class HubClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    private final AgentSettings settings;
    private final URI hub;
    private final ObjectMapper json = ProbeCodec.mapper();

    HubClient(HttpClient http, AgentSettings settings) {
        this(http, settings, settings.hub());
    }

    /** A client for {@code hub}, one of the hubs the settings name. */
    HubClient(HttpClient http, AgentSettings settings, URI hub) {
        this.http = http;
        this.settings = settings;
        this.hub = hub;
    }

    AgentWire.Checks checks() throws HubUnreachable {
        return send(request("api/agent/v1/checks").GET().build(), AgentWire.Checks.class);
    }

    AgentWire.Ack upload(List<AgentWire.Result> results) throws HubUnreachable {
        byte[] body;
        try {
            body = json.writeValueAsBytes(new AgentWire.Batch(results));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode results", e);
        }
        return send(request("api/agent/v1/results").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), AgentWire.Ack.class);
    }

    private HttpRequest.Builder request(String path) {
        String base = hub.toString();
        URI uri = URI.create(base.endsWith("/") ? base + path : base + "/" + path);
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + settings.token())
                .header("X-Noroshi-Agent", settings.name())
                .header(AgentWire.VERSION_HEADER, AgentWire.VERSION);
    }

    private <T> T send(HttpRequest request, Class<T> type) throws HubUnreachable {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new HubUnreachable("hub " + hub + " unreachable: " + io.noroshi.probe.FailureReason.describe(e, REQUEST_TIMEOUT));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubUnreachable("interrupted");
        }
        if (response.statusCode() == 401) {
            throw new HubUnreachable("hub " + hub + " refused the token for agent '" + settings.name() + "' (HTTP 401)");
        }
        if (response.statusCode() / 100 != 2) {
            throw new HubUnreachable("hub " + hub + " answered HTTP " + response.statusCode());
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new HubUnreachable("hub " + hub + " sent an answer the agent cannot read: " + e.getMessage());
        }
    }
}
