package io.noroshi.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML mapping being read into a record. Every read remembers the key; {@link #finish()}
 * reports the keys nobody asked for, so a typo is an error instead of a silently ignored setting.
 * Problems are collected, never thrown, so one run reports all of them.
 */
final class YamlSection {

    private final MappingNode node;
    private final String path;
    private final ConfigProblems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();

    YamlSection(MappingNode node, String path, ConfigProblems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(tuple.getKeyNode(), path, "keys must be plain words");
                continue;
            }
            if (entries.putIfAbsent(key.getValue(), tuple) != null) {
                problems.add(key, child(key.getValue()), "duplicate key");
            }
        }
    }

    String path() {
        return path;
    }

    int line() {
        return ConfigProblems.line(node);
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        read.add(key);
        return entries.containsKey(key);
    }

    /** The line of a key's value, or of this section when the key is absent. */
    int lineOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line() : ConfigProblems.line(tuple.getValueNode());
    }

    void problem(String key, String message) {
        problems.add(lineOf(key), key.isEmpty() ? path : child(key), message);
    }

    Optional<String> string(String key) {
        Node value = value(key);
        if (value == null) return Optional.empty();
        if (value instanceof ScalarNode scalar) {
            return scalar.getValue().isBlank() && isNull(scalar) ? Optional.empty() : Optional.of(scalar.getValue().strip());
        }
        problems.add(value, child(key), "expected a single value, not a " + shape(value));
        return Optional.empty();
    }

    String requiredString(String key) {
        if (!has(key)) {
            problems.add(line(), child(key), "is required");
            return "";
        }
        return string(key).orElseGet(() -> {
            problem(key, "must not be empty");
            return "";
        });
    }

    /** A text in one language (a plain string) or several ({@code {en: ..., ja: ...}}). */
    Text text(String key) {
        Node value = value(key);
        if (value == null) return Text.EMPTY;
        if (value instanceof ScalarNode scalar) return Text.of(scalar.getValue().strip());
        if (value instanceof MappingNode mapping) {
            var section = new YamlSection(mapping, child(key), problems);
            var texts = new LinkedHashMap<String, String>();
            for (String language : PageSettings.SUPPORTED_LANGUAGES) {
                section.string(language).ifPresent(t -> texts.put(language, t));
            }
            section.finish("a language (" + String.join(", ", PageSettings.SUPPORTED_LANGUAGES) + ")");
            return new Text(texts);
        }
        problems.add(value, child(key), "expected a text or {en: ..., ja: ...}, not a list");
        return Text.EMPTY;
    }

    /** A list of plain values; a single value is accepted as a list of one. */
    List<String> strings(String key) {
        Node value = value(key);
        if (value == null) return List.of();
        if (value instanceof ScalarNode scalar) return List.of(scalar.getValue().strip());
        if (value instanceof SequenceNode sequence) {
            var out = new ArrayList<String>();
            int index = 0;
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar) out.add(scalar.getValue().strip());
                else problems.add(item, child(key) + "[" + index + "]", "expected a single value, not a " + shape(item));
                index++;
            }
            return out;
        }
        problems.add(value, child(key), "expected a list of values, not a mapping");
        return List.of();
    }

    Optional<YamlSection> section(String key) {
        Node value = value(key);
        if (value == null) return Optional.empty();
        if (value instanceof MappingNode mapping) return Optional.of(new YamlSection(mapping, child(key), problems));
        problems.add(value, child(key), "expected a mapping (key: value lines), not a " + shape(value));
        return Optional.empty();
    }

    /** Reads each mapping of a list with {@code reader}; items that are not mappings are reported. */
    <T> List<T> list(String key, Function<YamlSection, T> reader) {
        Node value = value(key);
        if (value == null || (value instanceof ScalarNode scalar && isNull(scalar))) return List.of();
        if (!(value instanceof SequenceNode sequence)) {
            problems.add(value, child(key), "expected a list (lines starting with '- '), not a " + shape(value));
            return List.of();
        }
        var out = new ArrayList<T>();
        int index = 0;
        for (Node item : sequence.getValue()) {
            String itemPath = child(key) + "[" + index++ + "]";
            if (item instanceof MappingNode mapping) {
                var section = new YamlSection(mapping, itemPath, problems);
                out.add(reader.apply(section));
            } else {
                problems.add(item, itemPath, "expected a mapping (key: value lines), not a " + shape(item));
            }
        }
        return out;
    }

    /** Reports every key that was never read: unknown keys are errors, not silently ignored. */
    void finish() {
        finish("a known key");
    }

    void finish(String expected) {
        for (var entry : entries.entrySet()) {
            if (!read.contains(entry.getKey())) {
                var known = new ArrayList<>(read);
                problems.add(entry.getValue().getKeyNode(), child(entry.getKey()),
                        "unknown key; expected " + expected + (known.isEmpty() || expected.startsWith("a language") ? "" : " such as " + String.join(", ", known)));
            }
        }
    }

    /** The keys written in this mapping. */
    Set<String> keys() {
        return entries.keySet();
    }

    /** Marks keys as known without reading them (sections handled elsewhere). */
    void accept(String... keys) {
        read.addAll(List.of(keys));
    }

    private Node value(String key) {
        read.add(key);
        NodeTuple tuple = entries.get(key);
        if (tuple == null) return null;
        Node value = tuple.getValueNode();
        return value instanceof ScalarNode scalar && isNull(scalar) ? null : value;
    }

    private static boolean isNull(ScalarNode scalar) {
        return "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
    }

    private static String shape(Node node) {
        return switch (node) {
            case MappingNode ignored -> "mapping";
            case SequenceNode ignored -> "list";
            default -> "single value";
        };
    }
}
