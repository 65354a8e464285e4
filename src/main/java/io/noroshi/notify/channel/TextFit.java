package io.noroshi.notify.channel;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Fits text to a medium's length: counts it the way the medium does (UTF-16 units, graphemes, UTF-8 bytes, SMS
 * septets) and cuts it with an ellipsis on a grapheme boundary, on a word boundary when one is near. A link is
 * never cut: {@link #compose} always keeps it whole and cuts the body (then the headline) instead.
 */
public final class TextFit {

    /** The ellipsis for media that take any Unicode text. */
    public static final String ELLIPSIS = "…";

    /** How far back (in chars) a cut may move to end on a space instead of inside a word. */
    private static final int WORD_BACKOFF = 30;

    private TextFit() {
    }

    /** UTF-16 code units: what Java, JavaScript and most services' "characters" count. Never fewer than code points. */
    public static int utf16(String text) {
        return text.length();
    }

    /** UTF-8 bytes. */
    public static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** User-perceived characters (extended grapheme clusters): an emoji ZWJ sequence or a flag counts as one. */
    public static int graphemes(String text) {
        return boundaries(text).size() - 1;
    }

    /**
     * The longest prefix of {@code text} that, with {@code ellipsis} appended when cut, satisfies {@code fits}.
     * The text itself when it fits whole; the empty string when not even the ellipsis alone fits. The cut falls on
     * a grapheme boundary, and on the last space within a few characters when there is one, so words stay whole.
     */
    public static String cut(String text, Predicate<String> fits, String ellipsis) {
        if (fits.test(text)) return text;
        List<Integer> bounds = boundaries(text);
        // bounds.get(0) == 0; find the largest index whose prefix fits (binary search keeps lo always fitting)
        if (!fits.test(ellipsis)) return "";
        int lo = 0;
        int hi = bounds.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (fits.test(withEllipsis(text.substring(0, bounds.get(mid)), ellipsis))) lo = mid;
            else hi = mid - 1;
        }
        int end = bounds.get(lo);
        int space = lastSpaceBefore(text, end);
        if (space > 0 && end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            String atWord = withEllipsis(text.substring(0, space), ellipsis);
            // the caller's measure need not grow with the text, so the shorter cut is checked too
            if (fits.test(atWord)) return atWord;
        }
        return withEllipsis(text.substring(0, end), ellipsis);
    }

    /**
     * Joins headline, body and link with {@code separator} (empty parts left out) so that the whole, after
     * {@code escape}, satisfies {@code fits}. The body is cut first, then the headline; the link is kept whole
     * (when even the link alone does not fit, the link alone is returned and the service will refuse it).
     */
    public static String compose(String headline, String body, String link, String separator,
                                 UnaryOperator<String> escape, Predicate<String> fits, String ellipsis) {
        Predicate<String> fitsEscaped = text -> fits.test(escape.apply(text));
        String whole = join(separator, headline, body, link);
        if (fitsEscaped.test(whole)) return escape.apply(whole);
        String bodyCut = cut(body, b -> fitsEscaped.test(join(separator, headline, b, link)), ellipsis);
        if (!bodyCut.isEmpty()) return escape.apply(join(separator, headline, bodyCut, link));
        String headCut = cut(headline, h -> fitsEscaped.test(join(separator, h, "", link)), ellipsis);
        return escape.apply(join(separator, headCut, "", link));
    }

    /** The parts that are not empty, joined with {@code separator}. */
    public static String join(String separator, String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) if (!part.isEmpty()) kept.add(part);
        return String.join(separator, kept);
    }

    private static String withEllipsis(String prefix, String ellipsis) {
        String trimmed = prefix.stripTrailing();
        return trimmed.isEmpty() ? ellipsis : trimmed + ellipsis;
    }

    private static int lastSpaceBefore(String text, int end) {
        for (int i = end - 1; i >= 0 && end - i <= WORD_BACKOFF; i--) {
            if (Character.isWhitespace(text.charAt(i))) return i;
        }
        return -1;
    }

    /** Every grapheme boundary of {@code text}, from 0 to its length. */
    static List<Integer> boundaries(String text) {
        List<Integer> bounds = new ArrayList<>();
        BreakIterator graphemes = BreakIterator.getCharacterInstance();
        graphemes.setText(text);
        for (int at = graphemes.first(); at != BreakIterator.DONE; at = graphemes.next()) bounds.add(at);
        if (bounds.isEmpty()) bounds.add(0);
        return bounds;
    }
}
