package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind's complete entry is accepted; leaving out any required key or secret is reported with that key. */
class ChannelConfigTest {

    /** Keys of the fixtures that a kind may go without. */
    private static final Map<String, Set<String>> OPTIONAL = Map.of(
            "ntfy", Set.of("base_url", "token_env"),
            "mastodon", Set.of(),
            "matrix", Set.of());

    static Stream<Arguments> kindsAndRequiredKeys() {
        List<Arguments> rows = new ArrayList<>();
        for (String kind : ChannelFailuresTest.kinds()) {
            Set<String> optional = OPTIONAL.getOrDefault(kind, Set.of("base_url"));
            for (String key : KindFixtures.of(kind, "http://127.0.0.1:9").values().keySet()) {
                if (!optional.contains(key)) rows.add(Arguments.of(kind, key));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("kindsAndRequiredKeys")
    void aMissingRequiredKeyOrSecretIsReportedByName(String kind, String key) {
        KindFixtures.Fixture fixture = KindFixtures.of(kind, "http://127.0.0.1:9");
        Map<String, String> values = new HashMap<>(fixture.values());
        values.remove(key);
        MapChannelSettings settings = new MapChannelSettings(kind, values, fixture.environment());

        ChannelKinds.byName(kind).orElseThrow().create(settings, KindFixtures.client());

        String reported = key.endsWith("_env") ? key.substring(0, key.length() - "_env".length()) : key;
        assertThat(settings.problems()).hasSize(1);
        assertThat(settings.problems().getFirst()).startsWith(reported + ": required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.noroshi.notify.channel.ChannelFailuresTest#kinds")
    void aCompleteEntryHasNoProblemAndTheChannelSaysWhatItIs(String kind) {
        Map<String, String> values = new HashMap<>(KindFixtures.of(kind, "http://127.0.0.1:9").values());
        values.put("site", "osaka");
        KindFixtures.Fixture fixture = KindFixtures.of(kind, "http://127.0.0.1:9");
        MapChannelSettings settings = new MapChannelSettings("public-" + kind, values, fixture.environment());

        Channel channel = ChannelKinds.byName(kind).orElseThrow().create(settings, KindFixtures.client());

        assertThat(settings.problems()).isEmpty();
        assertThat(channel.kind()).isEqualTo(kind);
        assertThat(channel.name()).isEqualTo("public-" + kind);
        assertThat(channel.site()).contains("osaka");
        assertThat(channel.limits().concurrency()).isPositive();
        assertThat(channel.toString()).isEqualTo(kind + " channel 'public-" + kind + "'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.noroshi.notify.channel.ChannelFailuresTest#kinds")
    void limitsCanBeSetAndBadOnesAreReported(String kind) {
        KindFixtures.Fixture fixture = KindFixtures.of(kind, "http://127.0.0.1:9");
        Map<String, String> values = new HashMap<>(fixture.values());
        values.put("concurrency", "3");
        values.put("per_second", "0.25");
        MapChannelSettings settings = new MapChannelSettings(kind, values, fixture.environment());
        Channel channel = ChannelKinds.byName(kind).orElseThrow().create(settings, KindFixtures.client());
        assertThat(settings.problems()).isEmpty();
        assertThat(channel.limits()).isEqualTo(new Channel.Limits(3, 0.25));

        values.put("concurrency", "0");
        values.put("per_second", "fast");
        values.put("timeout_seconds", "0");
        MapChannelSettings bad = new MapChannelSettings(kind, values, fixture.environment());
        ChannelKinds.byName(kind).orElseThrow().create(bad, KindFixtures.client());
        assertThat(bad.problems()).containsExactlyInAnyOrder("concurrency: must be between 1 and 64",
                "per_second: must be a number above 0 and at most 1000, such as 0.5",
                "timeout_seconds: must be between 1 and 300 seconds");
    }

    @org.junit.jupiter.api.Test
    void everyChatSocialAndSmsKindIsRegistered() {
        assertThat(ChannelFailuresTest.kinds()).containsExactlyInAnyOrder("bluesky", "discord", "googlechat", "line",
                "mastodon", "matrix", "mattermost", "ntfy", "slack", "sms", "teams", "telegram");
    }
}
