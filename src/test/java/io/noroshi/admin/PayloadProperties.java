package io.noroshi.admin;

import static io.noroshi.testing.SeededTries.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.web.ApiErrors.BadRequest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Payload reading over open input: unknown fields are always named, texts come back unchanged. */
class PayloadProperties {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> FIELDS = Set.of("name", "body", "status");

    @Test
    void anyUnknownFieldIsRefusedByName() {
        check("unknown field refused by name", 1_000, cases -> {
            String field = cases.alpha(1, 30);
            if (FIELDS.contains(field)) return;
            String body = JSON.writeValueAsString(Map.of("name", "x", field, 1));
            assertThatThrownBy(() -> Payload.parse(body, FIELDS)).isInstanceOf(BadRequest.class)
                    .satisfies(e -> assertThat(((BadRequest) e).field()).isEqualTo(field));
        });
    }

    @Test
    void textsInBothLanguagesComeBackStripped() {
        check("texts come back stripped", 1_000, cases -> {
            String en = cases.anyString(200);
            String ja = cases.anyString(200);
            String body = JSON.writeValueAsString(Map.of("body", Map.of("en", en, "ja", ja)));
            var text = Payload.parse(body, FIELDS).text("body");
            assertThat(text.byLanguage().get("en")).isEqualTo(en.isBlank() ? null : en.strip());
            assertThat(text.byLanguage().get("ja")).isEqualTo(ja.isBlank() ? null : ja.strip());
        });
    }

    @Test
    void loneSurrogatesAreRefusedByField() {
        check("lone surrogate refused by field", 1_000, cases -> {
            String before = cases.anyString(20);
            String body = "{\"body\": {\"ja\": " + JSON.writeValueAsString(before + "x").replace("x\"", "\\ud800\"") + "}}";
            assertThatThrownBy(() -> Payload.parse(body, FIELDS).text("body")).isInstanceOf(BadRequest.class)
                    .satisfies(e -> assertThat(((BadRequest) e).field()).isEqualTo("body.ja"));
        });
    }

    @Test
    void wrongTypesNameTheField() {
        check("wrong type names the field", 1_000, cases -> {
            String body = JSON.writeValueAsString(Map.of("status", cases.anyInt()));
            assertThatThrownBy(() -> Payload.parse(body, FIELDS).string("status", null)).isInstanceOf(BadRequest.class)
                    .satisfies(e -> assertThat(((BadRequest) e).field()).isEqualTo("status"));
        });
    }
}
