package io.noroshi.probe.http;

/**
 * HTTP status codes a probe accepts, inclusive: {@code 200-399} or a single {@code 204}.
 *
 * @param from lowest accepted code
 * @param to   highest accepted code
 */
public record StatusRange(int from, int to) {

    /** Any success or redirect: what a browser would show as "the site works". */
    public static final StatusRange SUCCESS_OR_REDIRECT = new StatusRange(200, 399);

    public StatusRange {
        if (from < 100 || to > 599 || from > to) {
            throw new IllegalArgumentException("expected_status must be within 100-599 and low-high, was " + from + "-" + to);
        }
    }

    /** Reads {@code 200-299} or {@code 204} as written in the YAML. */
    public static StatusRange parse(String text) {
        String[] parts = text.strip().split("\\s*-\\s*", 2);
        try {
            int from = Integer.parseInt(parts[0]);
            return new StatusRange(from, parts.length == 1 ? from : Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected_status must look like 200 or 200-299, was '" + text + "'", e);
        }
    }

    public boolean contains(int status) {
        return status >= from && status <= to;
    }

    @Override
    public String toString() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
