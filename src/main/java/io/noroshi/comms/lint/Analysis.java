package io.noroshi.comms.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A text cut into sentences and words, with the content words the similarity rule compares. */
record Analysis(List<Sentence> sentences, Set<String> contentWords) {

    private static final Pattern EN_SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n\\s*\\n");
    private static final Pattern JA_SENTENCE_END = Pattern.compile("(?<=[。！？!?])|\\n\\s*\\n");
    private static final Pattern EN_WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
    private static final Set<String> EN_STOP = Set.of("the", "and", "are", "for", "with", "that", "this", "our", "was", "were", "has",
            "have", "been", "will", "from", "not", "you", "your", "their", "they", "them", "its", "into", "about", "still", "some",
            "can", "any", "all", "more", "which", "while", "being", "also", "now", "who", "what", "when", "there", "here", "than",
            "then", "these", "those", "would", "could", "should", "may", "might", "again", "further", "next", "update", "updates");
    /** Japanese content words: nouns, verbs and adjectives that carry meaning (not numbers, suffixes or auxiliary verbs). */
    private static final Set<String> JA_STOP = Set.of("する", "いる", "ある", "なる", "れる", "られる", "おる", "いただく", "いただける",
            "くださる", "こと", "もの", "ため", "よう", "現在", "引き続き", "次回", "更新", "お知らせ", "頃", "時", "分", "予定");

    static Analysis english(String text) {
        var sentences = new ArrayList<Sentence>();
        var content = new LinkedHashSet<String>();
        for (String part : EN_SENTENCE_END.split(text.replaceAll("(?<=\\S)[ \\t]*\\n(?=[ \\t]*\\S)", " "))) {
            if (part.isBlank()) continue;
            var words = new ArrayList<String>();
            var m = EN_WORD.matcher(part);
            while (m.find()) {
                String word = m.group().toLowerCase(Locale.ROOT);
                words.add(word);
                if (word.length() >= 3 && !EN_STOP.contains(word) && !isNumber(word)) content.add(stem(word));
            }
            sentences.add(new Sentence(part.strip(), words));
        }
        return new Analysis(sentences, content);
    }

    static Analysis japanese(String text, JapaneseWords analyzer) {
        var sentences = new ArrayList<Sentence>();
        var content = new LinkedHashSet<String>();
        for (String part : JA_SENTENCE_END.split(text.replaceAll("(?<=[^\\x00-\\x7F])[ \\t]*\\n[ \\t]*(?=[^\\x00-\\x7F])", ""))) {
            if (part.isBlank()) continue;
            var lemmas = new ArrayList<String>();
            for (JapaneseWords.Word w : analyzer.words(part)) {
                String pos = w.partOfSpeech();
                String lemma = w.lemma();
                if (pos.startsWith("助動詞") && (lemma.equals("ん") || lemma.equals("ぬ") || lemma.equals("ず"))) lemma = "ない";
                if (pos.startsWith("助動詞") && (lemma.equals("ます") || lemma.equals("です"))) continue;
                lemmas.add(lemma);
                boolean meaningful = (pos.startsWith("名詞") && !pos.startsWith("名詞-数") && !pos.startsWith("名詞-非自立")
                        && !pos.startsWith("名詞-接尾") && !pos.startsWith("名詞-代名詞"))
                        || pos.startsWith("動詞-自立") || pos.startsWith("形容詞-自立");
                if (meaningful && !JA_STOP.contains(lemma) && !isNumber(lemma)) content.add(lemma);
            }
            sentences.add(new Sentence(part.strip(), lemmas));
        }
        return new Analysis(sentences, content);
    }

    private static boolean isNumber(String word) {
        return word.chars().allMatch(Character::isDigit);
    }

    /** Folds the common English endings so "restored" and "restoring" compare alike. */
    private static String stem(String word) {
        for (String ending : List.of("ing", "ed", "es", "s")) {
            if (word.length() > ending.length() + 3 && word.endsWith(ending)) return word.substring(0, word.length() - ending.length());
        }
        return word;
    }
}
