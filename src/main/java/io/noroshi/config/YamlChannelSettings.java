package io.noroshi.config;

import io.noroshi.notify.channel.ChannelSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** One {@code notifications.channels[]} entry as a channel kind reads it; problems carry the file and line. */
final class YamlChannelSettings implements ChannelSettings {

    private final YamlSection section;
    private final String name;
    private final UnaryOperator<String> environment;

    YamlChannelSettings(YamlSection section, String name, UnaryOperator<String> environment) {
        this.section = section;
        this.name = name;
        this.environment = environment;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> site() {
        return section.string("site");
    }

    @Override
    public Optional<String> string(String key) {
        return section.string(key);
    }

    @Override
    public String required(String key) {
        return section.requiredString(key);
    }

    @Override
    public Optional<Integer> integer(String key) {
        return section.string(key).flatMap(v -> {
            try {
                return Optional.of(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                section.problem(key, "'" + v + "' is not a whole number");
                return Optional.empty();
            }
        });
    }

    @Override
    public String secret(String key) {
        return optionalSecret(key).orElseGet(() -> {
            boolean given = section.has(key) || section.has(key + "_env") || section.has(key + "_file");
            if (!given) section.problem(key + "_env", "is required: give " + key + "_env (an environment variable's name) or " + key + "_file (a file)");
            return "";
        });
    }

    @Override
    public Optional<String> optionalSecret(String key) {
        if (section.has(key)) {
            section.problem(key, "a secret is never written in the file: give " + key + "_env: VARIABLE or " + key + "_file: PATH");
            return Optional.empty();
        }
        Optional<String> variable = section.string(key + "_env");
        Optional<String> file = section.string(key + "_file");
        if (variable.isPresent() && file.isPresent()) {
            section.problem(key + "_file", "give " + key + "_env or " + key + "_file, not both");
            return Optional.empty();
        }
        if (variable.isPresent()) {
            String value = environment.apply(variable.get());
            if (value == null || value.isBlank()) {
                section.problem(key + "_env", "the environment variable " + variable.get() + " is not set");
                return Optional.empty();
            }
            return Optional.of(value.strip());
        }
        if (file.isPresent()) {
            try {
                String value = Files.readString(Path.of(file.get())).strip();
                if (value.isEmpty()) {
                    section.problem(key + "_file", "'" + file.get() + "' is empty");
                    return Optional.empty();
                }
                return Optional.of(value);
            } catch (IOException | InvalidPathException e) {
                section.problem(key + "_file", "cannot read '" + file.get() + "'");
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public void problem(String key, String message) {
        section.problem(key, message);
    }
}
