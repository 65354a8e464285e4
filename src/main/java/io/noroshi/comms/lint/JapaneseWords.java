package io.noroshi.comms.lint;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Japanese words by Lucene's Kuromoji morphological analyzer: each word with its dictionary (base)
 * form and part of speech, so "できません" and "できない" both carry できる. The tokenizer and its
 * dictionaries are built on first use, once per instance (about a tenth of a second), so a hub or a
 * command that never lints Japanese never pays for them.
 */
final class JapaneseWords {

    private JapaneseTokenizer tokenizer;

    /** The words of {@code text}, in order, punctuation left out. */
    synchronized List<Word> words(String text) {
        if (tokenizer == null) tokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL);
        var words = new ArrayList<Word>();
        try {
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            CharTermAttribute term = tokenizer.getAttribute(CharTermAttribute.class);
            BaseFormAttribute base = tokenizer.getAttribute(BaseFormAttribute.class);
            PartOfSpeechAttribute pos = tokenizer.getAttribute(PartOfSpeechAttribute.class);
            while (tokenizer.incrementToken()) {
                String surface = term.toString();
                String lemma = base.getBaseForm() == null ? surface : base.getBaseForm();
                String partOfSpeech = pos.getPartOfSpeech() == null ? "" : pos.getPartOfSpeech();
                words.add(new Word(surface, lemma, partOfSpeech));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        } finally {
            try {
                tokenizer.close();
            } catch (IOException ignored) {
                // closing a StringReader cannot fail
            }
        }
        return words;
    }

    /** One word: as written, its dictionary form, and its part of speech (IPADIC tags such as 名詞-一般). */
    record Word(String surface, String lemma, String partOfSpeech) {
    }
}
