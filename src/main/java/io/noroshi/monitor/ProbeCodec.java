package io.noroshi.monitor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.noroshi.probe.Probe;
import java.util.Set;

/**
 * Probe records as JSON for the agent API: the record's fields in snake_case plus {@code probe_type},
 * the record's class name. Any probe kind a {@link io.noroshi.probe.Checkers} registry knows can be
 * carried, so a new kind needs no change here.
 */
public final class ProbeCodec {

    /** Names the record class; not {@code type}, which probes use for their own fields (a DNS record type). */
    static final String TYPE_FIELD = "probe_type";

    private final ObjectMapper json = mapper();
    private final Set<Class<? extends Probe>> kinds;

    /** @param kinds the probe records that may be decoded (see {@link io.noroshi.probe.Checkers#kinds()}) */
    public ProbeCodec(Set<Class<? extends Probe>> kinds) {
        this.kinds = Set.copyOf(kinds);
    }

    /** The mapper the agent API uses for every payload: snake_case, ISO-free numeric times. */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public JsonNode encode(Probe probe) {
        ObjectNode node = json.valueToTree(probe);
        node.put(TYPE_FIELD, probe.getClass().getSimpleName());
        return node;
    }

    /** @throws IllegalArgumentException for an unknown type or fields the record rejects */
    public Probe decode(JsonNode node) {
        String type = node.path(TYPE_FIELD).asText("");
        ObjectNode fields = node.deepCopy();
        fields.remove(TYPE_FIELD);
        Class<? extends Probe> kind = kinds.stream().filter(k -> k.getSimpleName().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown probe type '" + type + "'"));
        try {
            return json.treeToValue(fields, kind);
        } catch (Exception e) {
            throw new IllegalArgumentException("probe of type " + type + " cannot be read: " + e.getMessage(), e);
        }
    }
}
