package io.noroshi.comms.lint;

import java.util.List;

/**
 * One sentence of an update: its text as written and its words' dictionary forms (lower-case
 * English words; Kuromoji base forms for Japanese, with polite ます left out and every negating
 * auxiliary written ない, so できません and できない read alike).
 */
record Sentence(String text, List<String> lemmas) {

    Sentence {
        lemmas = List.copyOf(lemmas);
    }

    /** True when {@code sequence} occurs as consecutive words. */
    boolean hasSequence(List<String> sequence) {
        if (sequence.isEmpty() || sequence.size() > lemmas.size()) return false;
        outer:
        for (int start = 0; start + sequence.size() <= lemmas.size(); start++) {
            for (int i = 0; i < sequence.size(); i++) {
                if (!lemmas.get(start + i).equals(sequence.get(i))) continue outer;
            }
            return true;
        }
        return false;
    }

    /** True when the text contains {@code part}: a compound noun, however Kuromoji cut it (管理画面, モバイルアプリ). */
    boolean hasWordContaining(String part) {
        return text.contains(part);
    }
}
