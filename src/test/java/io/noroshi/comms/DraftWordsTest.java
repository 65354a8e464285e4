package io.noroshi.comms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The drafts page says everything in both languages, and the countdown reads naturally in each. */
class DraftWordsTest {

    private static Properties bundle(String lang) throws Exception {
        try (var in = DraftWordsTest.class.getResourceAsStream("/i18n/comms_drafts_" + lang + ".properties")) {
            var p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void bothLanguagesHaveEveryKeyAndJapaneseIsJapanese() throws Exception {
        var en = bundle("en");
        var ja = bundle("ja");
        assertThat(ja.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            if (key.equals("language")) continue; // the link to the other language is written in it
            assertThat(ja.getProperty(key)).as(key).containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
            assertThat(DraftWords.in("ja").get(key)).isEqualTo(ja.getProperty(key));
        }
    }

    @Test
    void theCountdownSaysMinutesAndSecondsOrThatItIsDue() {
        assertThat(DraftsPage.countdown(DraftWords.in("en"), java.time.Duration.ofSeconds(90))).isEqualTo("in 1 min 30 s");
        assertThat(DraftsPage.countdown(DraftWords.in("ja"), java.time.Duration.ofSeconds(42))).isEqualTo("あと 42秒");
        assertThat(DraftsPage.countdown(DraftWords.in("en"), java.time.Duration.ofSeconds(-3))).isEqualTo("any moment now");
        assertThat(DraftWords.in("xx").lang()).isEqualTo("en");
    }
}
