package io.noroshi.comms.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads a case file: a YAML list of updates, each with {@code id}, {@code lang} (en|ja),
 * {@code status}, optionally {@code impact}, {@code previous}, {@code next_update} and
 * {@code estimate} (true when the structured field is set), {@code names} (the page's component
 * names), the {@code text}, and {@code expect}: the rule ids it should get, {@code []} for none.
 */
public final class LintCases {

    private LintCases() {
    }

    /** @throws IllegalArgumentException naming the case and field when the file is malformed */
    public static List<LintCase> read(InputStream in, String name) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        if (root == null || !root.isArray()) throw new IllegalArgumentException(name + ": a case file is a YAML list of cases");
        var cases = new ArrayList<LintCase>();
        var ids = new HashSet<String>();
        for (JsonNode node : root) {
            String id = node.path("id").asText("");
            String where = name + ": case " + (id.isEmpty() ? "#" + (cases.size() + 1) : id);
            if (id.isEmpty() || !ids.add(id)) throw new IllegalArgumentException(where + ": needs an id of its own");
            String lang = node.path("lang").asText("");
            if (!DraftUpdate.LANGUAGES.contains(lang)) throw new IllegalArgumentException(where + ": lang must be en or ja");
            IncidentStatus status;
            Optional<Impact> impact;
            try {
                status = IncidentStatus.fromWire(node.path("status").asText("investigating"));
                impact = node.hasNonNull("impact") ? Optional.of(Impact.fromWire(node.get("impact").asText())) : Optional.empty();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": unknown status or impact");
            }
            var expected = new HashSet<String>();
            for (JsonNode rule : node.path("expect")) {
                if (!UpdateLint.RULES.contains(rule.asText())) throw new IllegalArgumentException(where + ": unknown rule " + rule.asText());
                expected.add(rule.asText());
            }
            var names = new ArrayList<String>();
            node.path("names").forEach(n -> names.add(n.asText()));
            String text = node.path("text").asText("");
            if (text.isBlank()) throw new IllegalArgumentException(where + ": text is empty");
            int maxLength = node.path("max_length").asInt(LengthRule.defaultLimit(lang));
            cases.add(new LintCase(id, new DraftUpdate(lang, status, text.strip(), node.path("previous").asText("").strip(), impact,
                    node.path("next_update").asBoolean(false), node.path("estimate").asBoolean(false), maxLength, names), expected));
        }
        return cases;
    }
}
