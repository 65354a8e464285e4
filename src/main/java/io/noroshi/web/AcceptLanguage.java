package io.noroshi.web;

import java.util.Locale;
import java.util.function.Predicate;

/** An Accept-Language header read as a browser means it: the offered language it prefers most. */
public final class AcceptLanguage {

    private AcceptLanguage() {
    }

    /**
     * The offered language (by its two-letter primary tag) with the highest q-value, the first one on a tie;
     * {@code fallback} when the header names none that is offered.
     */
    public static String preferred(String header, String fallback, Predicate<String> offered) {
        String best = fallback;
        double bestQ = -1;
        for (String part : header.split(",")) {
            String[] pieces = part.strip().split(";");
            String tag = pieces[0].strip().toLowerCase(Locale.ROOT);
            String primary = tag.length() >= 2 ? tag.substring(0, 2) : tag;
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (offered.test(primary) && q > bestQ) {
                best = primary;
                bestQ = q;
            }
        }
        return best;
    }
}
