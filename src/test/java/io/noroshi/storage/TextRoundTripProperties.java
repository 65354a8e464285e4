package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore.NewUpdate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/** Any text an operator or a customer can type comes back from the database exactly as it went in. */
class TextRoundTripProperties {

    private final List<FreshDatabase> databases = new ArrayList<>();
    private Path tempDir;

    @BeforeProperty
    void openBothEngines() throws IOException {
        tempDir = Files.createTempDirectory("noroshi-text-");
        databases.add(FreshDatabase.open(Engine.SQLITE, tempDir));
        if (!TestPostgres.skipped()) {
            databases.add(FreshDatabase.open(Engine.POSTGRESQL, tempDir));
        }
    }

    @AfterProperty
    void closeBothEngines() throws IOException {
        databases.forEach(FreshDatabase::close);
        try (Stream<Path> files = Files.walk(tempDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Property(tries = 200)
    void anyTextRoundTripsThroughEveryEngine(@ForAll("texts") Text name, @ForAll("texts") Text body,
                                             @ForAll("texts") Text postmortem) {
        for (FreshDatabase fresh : databases) {
            var store = fresh.db().incidents();
            Incident opened = store.open(name, Impact.MINOR,
                    new NewUpdate(IncidentStatus.RESOLVED, body, Instant.EPOCH, List.of()));
            store.attachPostmortem(opened.id(), postmortem, Instant.EPOCH);

            Incident found = store.find(opened.id()).orElseThrow();

            assertThat(found.name()).as(fresh.engine() + " name").isEqualTo(name);
            assertThat(found.updates().getFirst().body()).as(fresh.engine() + " body").isEqualTo(body);
            assertThat(found.postmortem()).as(fresh.engine() + " postmortem").isEqualTo(postmortem);
        }
    }

    @Property
    void anyTextRoundTripsThroughJson(@ForAll("texts") Text text) {
        var json = new TextJson();

        assertThat(json.read(json.write(text))).isEqualTo(text);
    }

    @Property(tries = 50)
    void aLoneSurrogateIsRefusedNotStoredChanged(@ForAll("texts") Text valid) {
        var broken = new Text(java.util.Map.of("en", "before \ud800 after"));
        for (FreshDatabase fresh : databases) {
            var store = fresh.db().incidents();
            int before = store.count();

            assertThatThrownBy(() -> store.open(broken, Impact.MINOR,
                    new NewUpdate(IncidentStatus.RESOLVED, valid, Instant.EPOCH, List.of())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lone surrogate U+D800 at index 7");
            assertThat(store.count()).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Text> texts() {
        Arbitrary<String> languages = Arbitraries.oneOf(Arbitraries.of("en", "ja", "*"), strings());
        return Arbitraries.maps(languages, strings()).ofMaxSize(4).map(Text::new);
    }

    /** Any Unicode string: every code point outside the surrogate range, emoji and NUL included. */
    private static Arbitrary<String> strings() {
        Arbitrary<String> anyCodePoints = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .list().ofMaxSize(30)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
        return Arbitraries.oneOf(
                anyCodePoints,
                Arbitraries.strings().withCharRange('\u3040', '\u30ff').withCharRange('\u4e00', '\u4fff')
                        .withChars("\"'\\<>/&\n\t{}[]:,").ofMaxLength(30),
                Arbitraries.of("", "<script>alert('x')</script>", "\\\"\\u0000\"", "\u0000",
                        "😀 絵文字", "'; DROP TABLE incidents; --", "{\"en\":\"nested\"}"));
    }
}
