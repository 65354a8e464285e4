package io.noroshi.notify.channel;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** For every chat, social and SMS kind: a complete config entry pointing at a {@link ServiceStub}, and its secrets. */
final class KindFixtures {

    static final String WEBHOOK_SECRET_PATH = "/hooks/T0001/B0002/s3cr3tW3bh00kPath";
    static final String TOKEN = "tok-9f8e7d6c5b4a";
    static final String PASSWORD = "app-pass-word-xyzz";

    record Fixture(String kind, Map<String, String> values, Map<String, String> environment, Optional<String> recipient,
                   List<String> secrets) {
        MapChannelSettings settings() {
            return new MapChannelSettings(kind + "-test", values, environment);
        }

        Channel create() {
            MapChannelSettings settings = settings();
            Channel channel = ChannelKinds.byName(kind).orElseThrow().create(settings, client());
            if (!settings.problems().isEmpty()) throw new AssertionError(kind + " config problems: " + settings.problems());
            return channel;
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    private KindFixtures() {
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    static Fixture of(String kind, String baseUrl) {
        String webhook = baseUrl + WEBHOOK_SECRET_PATH;
        return switch (kind) {
            case "slack", "discord", "teams", "mattermost" -> webhook(kind, webhook);
            case "googlechat" -> webhook(kind, baseUrl + "/v1/spaces/AAAA/messages?key=k3y&token=" + TOKEN);
            case "mastodon" -> new Fixture(kind, Map.of("base_url", baseUrl, "access_token_env", "MASTODON_TOKEN"),
                    Map.of("MASTODON_TOKEN", TOKEN), Optional.empty(), List.of(TOKEN));
            case "sms" -> new Fixture(kind, Map.of("base_url", baseUrl, "account_sid", "AC0123456789abcdef",
                    "auth_token_env", "TWILIO_TOKEN", "from", "+15005550006"),
                    Map.of("TWILIO_TOKEN", TOKEN), Optional.of("+819012345678"), List.of(TOKEN, "+819012345678"));
            case "telegram" -> new Fixture(kind, Map.of("base_url", baseUrl, "bot_token_env", "TG_TOKEN",
                    "chat_id", "-1001234567890"), Map.of("TG_TOKEN", TOKEN), Optional.empty(), List.of(TOKEN));
            case "line" -> new Fixture(kind, Map.of("base_url", baseUrl, "channel_access_token_env", "LINE_TOKEN",
                    "to", "U0123456789abcdef0123456789abcdef"), Map.of("LINE_TOKEN", TOKEN), Optional.empty(),
                    List.of(TOKEN));
            case "ntfy" -> new Fixture(kind, Map.of("base_url", baseUrl, "topic", "sakura-status",
                    "token_env", "NTFY_TOKEN"), Map.of("NTFY_TOKEN", TOKEN), Optional.empty(), List.of(TOKEN));
            case "bluesky" -> new Fixture(kind, Map.of("base_url", baseUrl, "handle", "status.sakura.example",
                    "app_password_env", "BSKY_PASSWORD"), Map.of("BSKY_PASSWORD", PASSWORD), Optional.empty(),
                    List.of(PASSWORD));
            case "matrix" -> new Fixture(kind, Map.of("base_url", baseUrl, "access_token_env", "MATRIX_TOKEN",
                    "room_id", "!status:matrix.example"), Map.of("MATRIX_TOKEN", TOKEN), Optional.empty(),
                    List.of(TOKEN));
            default -> throw new IllegalArgumentException("no fixture for kind " + kind);
        };
    }

    private static Fixture webhook(String kind, String url) {
        List<String> secrets = Stream.of(url, WEBHOOK_SECRET_PATH, TOKEN).filter(url::contains).toList();
        return new Fixture(kind, Map.of("url_env", "HOOK_URL"), Map.of("HOOK_URL", url), Optional.empty(), secrets);
    }
}
