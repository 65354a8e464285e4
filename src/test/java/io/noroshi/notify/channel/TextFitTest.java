package io.noroshi.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.testing.Cases;
import io.noroshi.testing.SeededTries;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class TextFitTest {

    private static final List<String> PIECES = List.of("mail", "delayed", "Sakura", "outage", " ", " ", " ", "\n",
            "メール", "の配送が遅れています。", "調査中", "👩‍👩‍👧‍👦", "🇯🇵", "👍🏽", "e\u0301", "&", "<b>", "*", "_", "@everyone",
            "€", "{x}", "😀", "한국어", "ñ", "\u0000");
    private static final String LINK = "https://status.example.jp/incidents/42";

    private static String text(Cases cases) {
        StringBuilder out = new StringBuilder();
        for (String piece : cases.listOf(0, 120, () -> cases.oneOf(PIECES))) out.append(piece);
        return out.toString();
    }

    @Test
    void graphemesCountWhatAReaderSeesAsOneCharacter() {
        assertThat(TextFit.graphemes("👩‍👩‍👧‍👦")).isEqualTo(1);
        assertThat(TextFit.graphemes("🇯🇵🇫🇷")).isEqualTo(2);
        assertThat(TextFit.graphemes("e\u0301")).isEqualTo(1);
        assertThat(TextFit.graphemes("👍🏽")).isEqualTo(1);
        assertThat(TextFit.graphemes("日本語")).isEqualTo(3);
        assertThat(TextFit.graphemes("")).isZero();
        assertThat(TextFit.utf8("日本")).isEqualTo(6);
    }

    @Test
    void aCutTextFitsEndsOnAGraphemeBoundaryAndIsAPrefixWithAnEllipsis() {
        SeededTries.check("cut by UTF-16 length", 400, cases -> {
            String text = text(cases);
            int limit = cases.between(1, 200);
            String cut = TextFit.cut(text, t -> t.length() <= limit, TextFit.ELLIPSIS);
            assertThat(cut.length()).isLessThanOrEqualTo(limit);
            if (text.length() <= limit) {
                assertThat(cut).isEqualTo(text);
                return;
            }
            assertThat(cut).endsWith(TextFit.ELLIPSIS);
            String kept = cut.substring(0, cut.length() - TextFit.ELLIPSIS.length());
            assertThat(text).startsWith(kept);
            assertThat(TextFit.boundaries(text)).contains(kept.length());
            // never much shorter than allowed: at most a word's back-off plus one grapheme (a ZWJ family is 11 units)
            assertThat(cut.length()).isGreaterThanOrEqualTo(Math.min(limit, text.length()) - 30 - 12 - 1);
        });
    }

    @Test
    void aCutByGraphemesNeverSplitsAnEmojiSequence() {
        SeededTries.check("cut by graphemes", 400, cases -> {
            String text = text(cases);
            int limit = cases.between(1, 80);
            String cut = TextFit.cut(text, t -> TextFit.graphemes(t) <= limit, TextFit.ELLIPSIS);
            assertThat(TextFit.graphemes(cut)).isLessThanOrEqualTo(limit);
            String kept = cut.endsWith(TextFit.ELLIPSIS) && !text.equals(cut)
                    ? cut.substring(0, cut.length() - 1) : cut;
            assertThat(text).startsWith(kept);
            // the kept part's graphemes are the text's first graphemes: no sequence was broken
            assertThat(TextFit.boundaries(text)).containsAll(TextFit.boundaries(kept));
        });
    }

    @Test
    void composeAlwaysKeepsTheLinkWholeAndFits() {
        SeededTries.check("compose keeps the link", 300, cases -> {
            String headline = "[Sakura] " + text(cases);
            String body = text(cases);
            int limit = cases.between(LINK.length() + 2, 400);
            String composed = TextFit.compose(headline, body, LINK, "\n", t -> t, t -> t.length() <= limit, TextFit.ELLIPSIS);
            assertThat(composed.length()).isLessThanOrEqualTo(limit);
            assertThat(composed).endsWith(LINK);
        });
    }

    @Test
    void composeMeasuresTheEscapedText() {
        SeededTries.check("compose with escaping", 200, cases -> {
            String body = text(cases);
            int limit = cases.between(60, 300);
            String composed = TextFit.compose("head & <tail>", body, LINK, "\n", SlackChannel::escape,
                    t -> t.length() <= limit, TextFit.ELLIPSIS);
            assertThat(composed.length()).isLessThanOrEqualTo(limit);
            assertThat(composed).endsWith(LINK).doesNotContain("<").doesNotContain(">");
        });
    }

    @Test
    void limitsAtTheBoundary() {
        String ten = "abcdefghij";
        assertThat(TextFit.cut(ten, t -> t.length() <= 10, "…")).isEqualTo(ten);
        assertThat(TextFit.cut(ten, t -> t.length() <= 9, "…")).isEqualTo("abcdefgh…");
        assertThat(TextFit.cut(ten, t -> t.length() <= 1, "…")).isEqualTo("…");
        assertThat(TextFit.cut(ten, t -> t.length() <= 0, "…")).isEmpty();
        assertThat(TextFit.cut("the mail queue", t -> t.length() <= 12, "…")).isEqualTo("the mail…");
        assertThat(TextFit.cut("メールの配送遅延", t -> t.length() <= 5, "…")).isEqualTo("メールの…");
        assertThat(TextFit.cut("ab👩‍👩‍👧‍👦", t -> t.length() <= 12, "…")).isEqualTo("ab…");
        assertThat(TextFit.cut("ab👩‍👩‍👧‍👦", t -> t.length() <= 13, "…")).isEqualTo("ab👩‍👩‍👧‍👦");
    }

    @Test
    void smsCountsGsmSeptetsAndFallsBackToUcs2() {
        assertThat(SmsText.isGsm7("Mail is delayed @ 10:00 £5 Ñ")).isTrue();
        assertThat(SmsText.septets("a{b}€")).isEqualTo(8);
        assertThat(SmsText.isGsm7("メール")).isFalse();
        assertThat(SmsText.isGsm7("…")).isFalse();
        assertThat(SmsText.fitsOne("x".repeat(160))).isTrue();
        assertThat(SmsText.fitsOne("x".repeat(161))).isFalse();
        assertThat(SmsText.fitsOne("x".repeat(159) + "€")).isFalse();
        assertThat(SmsText.fitsOne("x".repeat(158) + "€")).isTrue();
        assertThat(SmsText.fitsOne("あ".repeat(70))).isTrue();
        assertThat(SmsText.fitsOne("あ".repeat(71))).isFalse();
        assertThat(SmsText.fitsOne("x".repeat(69) + "あ")).isTrue();
        assertThat(SmsText.fitsOne("x".repeat(70) + "あ")).isFalse();
    }

    @Test
    void smsTextAlwaysFitsOneMessageAndKeepsTheLink() {
        SeededTries.check("sms fits one message", 300, cases -> {
            String text = TextFit.compose("[Sakura] " + text(cases), text(cases), LINK, "\n", t -> t, SmsText::fitsOne,
                    cases.oneOf("...", TextFit.ELLIPSIS));
            assertThat(SmsText.fitsOne(text)).as(text).isTrue();
            assertThat(text).endsWith(LINK);
        });
    }

    @Test
    void theEllipsisCountsAgainstTheLimit() {
        Predicate<String> fits = t -> t.length() <= 6;
        assertThat(TextFit.cut("abcdefgh", fits, "...")).isEqualTo("abc...");
    }
}
