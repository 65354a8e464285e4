package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/channels.md documents every key each kind reads, so the page and the code cannot drift apart. */
class ChannelDocsTest {

    private static final String COMMON = "## Keys every kind accepts";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.noroshi.notify.channel.ChannelFailuresTest#kinds")
    void everyKeyAKindReadsIsDocumented(String kind) throws IOException {
        String page = Files.readString(Path.of("docs/channels.md"));
        String common = section(page, COMMON);
        String own = section(page, "## " + kind + "\n");
        MapChannelSettings settings = new MapChannelSettings(kind, Map.of(), Map.of());

        ChannelKinds.byName(kind).orElseThrow().create(settings, KindFixtures.client());

        Set<String> keys = settings.keysRead();
        assertThat(keys).isNotEmpty();
        for (String key : keys) {
            assertThat(own.contains(key + ":") || common.contains("`" + key + "`"))
                    .as("docs/channels.md documents %s's key %s", kind, key).isTrue();
        }
    }

    private static String section(String page, String heading) {
        int start = page.indexOf(heading);
        assertThat(start).as("docs/channels.md has a section %s", heading.strip()).isNotNegative();
        int end = page.indexOf("\n## ", start + heading.length());
        return page.substring(start, end < 0 ? page.length() : end);
    }
}
