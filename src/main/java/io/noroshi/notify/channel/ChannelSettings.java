package io.noroshi.notify.channel;

import java.util.Optional;

/**
 * One {@code notifications.channels[]} entry of {@code noroshi.yaml}, as a channel kind reads it. Every read
 * marks the key as known (a key no kind reads is reported as unknown); every problem is reported with the
 * file and line of the value, and the hub does not start.
 */
public interface ChannelSettings {

    String name();

    Optional<String> site();

    Optional<String> string(String key);

    /** A required value: a missing one is reported as "required" at this entry's line. */
    String required(String key);

    Optional<Integer> integer(String key);

    /**
     * A secret: given as {@code <key>_env: VAR} (an environment variable's name) or {@code <key>_file: PATH}
     * (a file whose content, stripped, is the secret). Never as a plain value: {@code <key>: ...} is an error
     * that says how to give it. A missing variable or unreadable file is an error at that line.
     */
    String secret(String key);

    Optional<String> optionalSecret(String key);

    /** Reports a problem with a key's value (file:line of that value). */
    void problem(String key, String message);
}
