package io.noroshi.comms.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.testing.Cases;
import io.noroshi.testing.SeededTries;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lint on open input: any text up to 10,000 characters, in any script, never makes it throw. */
class UpdateLintPropertiesTest {

    private static final UpdateLint LINT = new UpdateLint();
    private static final List<String> PIECES = List.of("Customers cannot log in", "次回の更新は15:30頃です。", "データは安全です",
            "10.0.0.1", "db-03.prod.internal", "OPS-1234", "BGP", "(", "（", "。", ".", "\n\n", "\n", "  ", "next update by ", "ETA 14:00",
            "できません", "ません", "見込み", "::", "ffff:", "%", "\u0000", "\uD83D\uDD25", "\u200B", "ｱｲｳ", "１２：３０");

    @Test
    void neverThrowsAndNamesOnlyKnownRules() {
        SeededTries.check("lint on random text", 300, cases -> {
            String language = cases.oneOf("en", "ja");
            String text = randomText(cases, cases.between(0, 10_000));
            String previous = cases.oneIn(2) ? randomText(cases, cases.between(0, 2_000)) : "";
            var update = new DraftUpdate(language, cases.anyOf(IncidentStatus.class), text, previous,
                    cases.oneIn(3) ? Optional.empty() : Optional.of(cases.anyOf(Impact.class)), cases.oneIn(2), cases.oneIn(2),
                    cases.between(1, 2_000), cases.oneIn(2) ? List.of(cases.alpha(1, 12)) : List.of());
            List<Finding> findings = LINT.check(update);
            assertThat(findings).allSatisfy(f -> {
                assertThat(UpdateLint.RULES).contains(f.rule());
                assertThat(f.message()).isNotBlank();
                assertThat(f.suggestion()).isNotBlank();
            });
            assertThat(findings.stream().map(Finding::rule).distinct().count()).isEqualTo(findings.size());
        });
    }

    private static String randomText(Cases cases, int length) {
        var out = new StringBuilder(length);
        while (out.length() < length) {
            switch (cases.between(0, 3)) {
                case 0 -> out.append(cases.oneOf(PIECES));
                case 1 -> out.append(cases.anyString(40));
                case 2 -> out.append(cases.charsFrom("あいうえおかきくけこ日本語障害復旧データ。、ァィゥ", 1, 30));
                default -> out.append(cases.alpha(1, 12)).append(' ');
            }
        }
        return out.substring(0, Math.min(out.length(), length));
    }
}
