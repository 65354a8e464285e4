package io.noroshi.comms.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The no-progress finding says why it was made: words repeated, or hardly anything new in a short update. */
class NoProgressMessageTest {

    private static final UpdateLint LINT = new UpdateLint();

    @Test
    void aShortUpdateWithFewNewWordsIsToldItAddsAlmostNothingNotThatItRepeatsZeroPercent() {
        assertThat(message("en", "We are still looking into it.", "Card payments fail for customers in Japan. Next update by 10:00 JST."))
                .contains("adds almost nothing").doesNotContain("0%");
        assertThat(message("ja", "引き続き調査しています。", "日本のお客様のカード決済が失敗しています。次回の更新は10時です。"))
                .contains("新しい情報がありません");
    }

    @Test
    void aRepeatedUpdateIsToldHowMuchItRepeats() {
        String previous = "Card payments fail for customers in Japan since 09:10 JST. Your money is safe. Next update by 10:00 JST.";
        assertThat(message("en", previous.replace("10:00", "10:30"), previous)).contains("the same words");
    }

    private static String message(String language, String text, String previous) {
        var update = new DraftUpdate(language, IncidentStatus.IDENTIFIED, text, previous, Optional.of(Impact.MAJOR), true, false, 2_000, List.of());
        return LINT.check(update).stream().filter(f -> f.rule().equals("no-progress")).findFirst().orElseThrow().message();
    }
}
