package io.noroshi.config;

/**
 * One thing wrong in a config file, located precisely enough to fix it without guessing.
 *
 * @param file    the file as the operator named it
 * @param line    1-based line, 0 when unknown
 * @param key     the path of the key, e.g. {@code services[2].endpoints[0].site}
 * @param message what is wrong and, where possible, what would be right
 */
public record ConfigProblem(String file, int line, String key, String message) {

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return key.isEmpty() ? where + ": " + message : where + ": " + key + ": " + message;
    }
}
