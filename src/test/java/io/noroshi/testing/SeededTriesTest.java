package io.noroshi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeededTriesTest {

    @Test
    void aFailureNamesThePropertyTheSeedAndTheTry() {
        assertThatThrownBy(() -> SeededTries.check("never above 5", 100, cases -> assertThat(cases.between(0, 9)).isLessThan(6)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("property 'never above 5' failed on try")
                .hasMessageContaining("-Dnoroshi.seed=" + SeededTries.DEFAULT_SEED + " -Dnoroshi.try=");
    }

    @Test
    void theSameSeedDrawsTheSameCases() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        SeededTries.check("draw", 20, cases -> first.add(cases.anyString(30)));
        SeededTries.check("draw", 20, cases -> second.add(cases.anyString(30)));

        assertThat(first).hasSize(20).isEqualTo(second);
        assertThat(first.stream().distinct().count()).as("tries draw different cases").isGreaterThan(10);
    }
}
