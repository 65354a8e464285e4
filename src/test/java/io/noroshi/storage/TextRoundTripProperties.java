package io.noroshi.storage;

import static io.noroshi.testing.SeededTries.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore.NewUpdate;
import io.noroshi.testing.Cases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any text an operator or a customer can type comes back from the database exactly as it went in. */
class TextRoundTripProperties {

    private final List<FreshDatabase> databases = new ArrayList<>();

    @BeforeEach
    void openBothEngines(@TempDir Path tempDir) {
        databases.add(FreshDatabase.open(Engine.SQLITE, tempDir));
        if (!TestPostgres.skipped()) {
            databases.add(FreshDatabase.open(Engine.POSTGRESQL, tempDir));
        }
    }

    @AfterEach
    void closeBothEngines() {
        databases.forEach(FreshDatabase::close);
    }

    @Test
    void anyTextRoundTripsThroughEveryEngine() {
        check("text round trip through every engine", 200, cases -> {
            Text name = text(cases);
            Text body = text(cases);
            Text postmortem = text(cases);
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
        });
    }

    @Test
    void anyTextRoundTripsThroughJson() {
        var json = new TextJson();
        check("text round trip through JSON", 1_000, cases -> {
            Text text = text(cases);
            assertThat(json.read(json.write(text))).isEqualTo(text);
        });
    }

    @Test
    void aLoneSurrogateIsRefusedNotStoredChanged() {
        var broken = new Text(Map.of("en", "before \ud800 after"));
        check("lone surrogate refused", 50, cases -> {
            Text valid = text(cases);
            for (FreshDatabase fresh : databases) {
                var store = fresh.db().incidents();
                int before = store.count();

                assertThatThrownBy(() -> store.open(broken, Impact.MINOR,
                        new NewUpdate(IncidentStatus.RESOLVED, valid, Instant.EPOCH, List.of())))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("lone surrogate U+D800 at index 7");
                assertThat(store.count()).isEqualTo(before);
            }
        });
    }

    /** Up to four languages, known or any string, each with any text: emoji, NUL, quotes and markup included. */
    private static Text text(Cases cases) {
        Map<String, String> byLanguage = new HashMap<>();
        int size = cases.between(0, 4);
        for (int i = 0; i < size; i++) {
            String language = cases.oneIn(2) ? cases.oneOf("en", "ja", "*") : cases.anyString(30);
            byLanguage.put(language, cases.anyString(30));
        }
        return new Text(byLanguage);
    }
}
