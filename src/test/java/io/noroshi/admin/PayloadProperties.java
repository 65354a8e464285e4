package io.noroshi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.web.ApiErrors.BadRequest;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

/** Payload reading over open input: unknown fields are always named, texts come back unchanged. */
class PayloadProperties {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> FIELDS = Set.of("name", "body", "status");

    @Property
    void anyUnknownFieldIsRefusedByName(@ForAll @AlphaChars @StringLength(min = 1, max = 30) String field) throws Exception {
        if (FIELDS.contains(field)) return;
        String body = JSON.writeValueAsString(Map.of("name", "x", field, 1));
        assertThatThrownBy(() -> Payload.parse(body, FIELDS)).isInstanceOf(BadRequest.class)
                .satisfies(e -> assertThat(((BadRequest) e).field()).isEqualTo(field));
    }

    @Property
    void textsInBothLanguagesComeBackStripped(@ForAll @StringLength(max = 200) String en, @ForAll @StringLength(max = 200) String ja) throws Exception {
        String body = JSON.writeValueAsString(Map.of("body", Map.of("en", en, "ja", ja)));
        var text = Payload.parse(body, FIELDS).text("body");
        assertThat(text.byLanguage().get("en")).isEqualTo(en.isBlank() ? null : en.strip());
        assertThat(text.byLanguage().get("ja")).isEqualTo(ja.isBlank() ? null : ja.strip());
    }

    @Property
    void loneSurrogatesAreRefusedByField(@ForAll @StringLength(max = 20) String before) throws Exception {
        String body = "{\"body\": {\"ja\": " + JSON.writeValueAsString(before + "x") .replace("x\"", "\\ud800\"") + "}}";
        assertThatThrownBy(() -> Payload.parse(body, FIELDS).text("body")).isInstanceOf(BadRequest.class)
                .satisfies(e -> assertThat(((BadRequest) e).field()).isEqualTo("body.ja"));
    }

    @Property
    void wrongTypesNameTheField(@ForAll int number) throws Exception {
        String body = JSON.writeValueAsString(Map.of("status", number));
        assertThatThrownBy(() -> Payload.parse(body, FIELDS).string("status", null)).isInstanceOf(BadRequest.class)
                .satisfies(e -> assertThat(((BadRequest) e).field()).isEqualTo("status"));
    }
}
