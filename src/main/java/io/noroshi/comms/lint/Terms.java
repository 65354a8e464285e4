package io.noroshi.comms.lint;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** A set of wordings a rule looks for in one sentence. */
@FunctionalInterface
interface Terms {

    boolean in(Sentence sentence);

    default boolean inAny(List<Sentence> sentences) {
        for (Sentence s : sentences) {
            if (in(s)) return true;
        }
        return false;
    }

    /** An English pattern on the sentence's text, case-insensitive, between word boundaries. */
    static Terms words(String alternatives) {
        Pattern pattern = Pattern.compile("\\b(?:" + alternatives + ")\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return s -> pattern.matcher(s.text()).find();
    }

    /** A pattern on the sentence's text as written (case-sensitive, no word boundaries added). */
    static Terms pattern(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return s -> pattern.matcher(s.text()).find();
    }

    /**
     * Japanese dictionary forms: each entry is one or more space-separated base forms that must
     * follow each other ({@code "できる ない"}); an entry ending in {@code *} matches where the text
     * contains it (compound nouns such as 管理画面, however they were cut).
     */
    static Terms lemmas(String... entries) {
        List<List<String>> sequences = Arrays.stream(entries).filter(e -> !e.endsWith("*")).map(e -> List.of(e.split(" "))).toList();
        List<String> parts = Arrays.stream(entries).filter(e -> e.endsWith("*")).map(e -> e.substring(0, e.length() - 1)).toList();
        return s -> {
            for (List<String> sequence : sequences) {
                if (s.hasSequence(sequence)) return true;
            }
            for (String part : parts) {
                if (s.hasWordContaining(part)) return true;
            }
            return false;
        };
    }

    static Terms any(Terms... terms) {
        return s -> {
            for (Terms t : terms) {
                if (t.in(s)) return true;
            }
            return false;
        };
    }

    static Terms both(Terms first, Terms second) {
        return s -> first.in(s) && second.in(s);
    }

    /** A pair of wordings, one per language. */
    record Lexicon(Terms en, Terms ja) {
        Terms in(String language) {
            return language.equals("ja") ? ja : en;
        }
    }
}
