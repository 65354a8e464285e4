package io.noroshi.notify.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A channel's config entry held in memory: plain values, and secrets given as {@code <key>_env} naming a variable
 * of the given environment, as {@code noroshi.yaml} gives them. Problems are collected as {@code key: message}.
 */
final class MapChannelSettings implements ChannelSettings {

    private final String name;
    private final Map<String, String> values;
    private final Map<String, String> environment;
    private final List<String> problems = new ArrayList<>();
    private final java.util.Set<String> keysRead = new java.util.TreeSet<>();

    MapChannelSettings(String name, Map<String, String> values, Map<String, String> environment) {
        this.name = name;
        this.values = values;
        this.environment = environment;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Every key the kind asked for, a secret as {@code <key>_env}: what the entry may hold. */
    java.util.Set<String> keysRead() {
        return java.util.Set.copyOf(keysRead);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> site() {
        return Optional.ofNullable(values.get("site"));
    }

    @Override
    public Optional<String> string(String key) {
        keysRead.add(key);
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public String required(String key) {
        keysRead.add(key);
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            problem(key, "required");
            return "";
        }
        return value;
    }

    @Override
    public Optional<Integer> integer(String key) {
        keysRead.add(key);
        String value = values.get(key);
        if (value == null) return Optional.empty();
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException notANumber) {
            problem(key, "must be a whole number");
            return Optional.empty();
        }
    }

    @Override
    public String secret(String key) {
        Optional<String> secret = optionalSecret(key);
        // a secret given the wrong way or naming an unset variable was reported already
        if (secret.isEmpty() && !values.containsKey(key) && !values.containsKey(key + "_env")) {
            problem(key, "required: give " + key + "_env or " + key + "_file");
        }
        return secret.orElse("");
    }

    @Override
    public Optional<String> optionalSecret(String key) {
        keysRead.add(key + "_env");
        if (values.containsKey(key)) {
            problem(key, "a secret is never written in the config: use " + key + "_env or " + key + "_file");
            return Optional.empty();
        }
        String variable = values.get(key + "_env");
        if (variable == null) return Optional.empty();
        String value = environment.get(variable);
        if (value == null) {
            problem(key + "_env", "environment variable " + variable + " is not set");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    @Override
    public void problem(String key, String message) {
        problems.add(key + ": " + message);
    }
}
