package io.noroshi.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The random values of one try of a {@link SeededTries} property. Every value drawn is remembered,
 * so a failure shows the case. Strings lean towards the edges a parser trips on (empty, blank,
 * quotes, markup, emoji, Japanese) as well as arbitrary code points.
 */
public final class Cases {

    private static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final List<String> EDGES = List.of("", " ", "\t\n", "<script>alert('x')</script>", "\\\"\\u0000\"",
            "\u0000", "😀 絵文字", "'; DROP TABLE incidents; --", "{\"en\":\"nested\"}", "a&b<c>\"d'", "日本語");

    private final SplittableRandom random;
    private final int attempt;
    private final List<String> drawn = new ArrayList<>();

    Cases(SplittableRandom random, int attempt) {
        this.random = random;
        this.attempt = attempt;
    }

    /** The try's number, from 0. */
    public int attempt() {
        return attempt;
    }

    /** An int in [min, max], both included. */
    public int between(int min, int max) {
        return note(min + random.nextInt(max - min + 1));
    }

    /** Any int, with 0, 1, -1 and the extremes more often than chance would give them. */
    public int anyInt() {
        int[] edges = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE};
        return note(random.nextInt(5) == 0 ? edges[random.nextInt(edges.length)] : random.nextInt());
    }

    /** True with probability 1/n. */
    public boolean oneIn(int n) {
        return random.nextInt(n) == 0;
    }

    @SafeVarargs
    public final <T> T oneOf(T... choices) {
        return note(choices[random.nextInt(choices.length)]);
    }

    public <T> T oneOf(List<T> choices) {
        return note(choices.get(random.nextInt(choices.size())));
    }

    public <E extends Enum<E>> E anyOf(Class<E> type) {
        return oneOf(type.getEnumConstants());
    }

    /** Letters a-z and A-Z only, length in [min, max]. */
    public String alpha(int min, int max) {
        return charsFrom(ALPHA, min, max);
    }

    /** Characters picked from {@code chars}, length in [min, max]. */
    public String charsFrom(String chars, int min, int max) {
        int[] points = chars.codePoints().toArray();
        int length = min + random.nextInt(max - min + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) out.appendCodePoint(points[random.nextInt(points.length)]);
        return note(out.toString());
    }

    /**
     * Any well-formed string of at most {@code max} chars: edge cases, ASCII, Japanese, or any code
     * point outside the surrogate range (NUL, controls and emoji included).
     */
    public String anyString(int max) {
        return note(rawString(max));
    }

    private String rawString(int max) {
        String picked = switch (random.nextInt(5)) {
            case 0 -> EDGES.get(random.nextInt(EDGES.size()));
            case 1 -> codePoints(0x20, 0x7e, max);
            case 2 -> codePoints(0x3040, 0x30ff, max);
            default -> codePoints(0, Character.MAX_CODE_POINT, max);
        };
        return picked.length() > max ? picked.substring(0, max) : picked;
    }

    /** As {@link #anyString(int)}, at least {@code min} chars. */
    public String anyString(int min, int max) {
        String s = rawString(max);
        while (s.length() < min) s = s + codePoints(0x21, 0x7e, min);
        return note(s.length() > max ? s.substring(0, max) : s);
    }

    /** Any sequence of UTF-16 chars, lone surrogates and noncharacters included. */
    public String anyChars(int max) {
        char[] chars = new char[random.nextInt(max + 1)];
        for (int i = 0; i < chars.length; i++) chars[i] = (char) random.nextInt(Character.MAX_VALUE + 1);
        return note(new String(chars));
    }

    /** A list of [min, max] values, each from {@code element}. */
    public <T> List<T> listOf(int min, int max, Supplier<T> element) {
        int size = min + random.nextInt(max - min + 1);
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(element.get());
        return out;
    }

    /** Calls one of {@code choices}, the i-th with weight {@code weights[i]}. */
    public <T> T weighted(int[] weights, List<Supplier<? extends T>> choices) {
        int pick = random.nextInt(java.util.Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) return choices.get(i).get();
        }
        throw new IllegalStateException("weights and choices differ in length");
    }

    String drawn() {
        String all = String.join(", ", drawn);
        return all.length() > 2_000 ? all.substring(0, 2_000) + " ..." : all;
    }

    private String codePoints(int from, int to, int max) {
        int length = random.nextInt(max + 1);
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            int cp = from + random.nextInt(to - from + 1);
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) out.appendCodePoint(cp);
        }
        return out.length() > max ? out.substring(0, out.offsetByCodePoints(0, out.codePointCount(0, out.length()) - 1)) : out.toString();
    }

    private <T> T note(T value) {
        String shown = String.valueOf(value);
        drawn.add(shown.length() > 80 ? shown.substring(0, 80) + "..." : shown);
        return value;
    }
}
