package io.noroshi.probe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusRangeTest {

    @ParameterizedTest
    @CsvSource({"200-399, 200, true", "200-399, 399, true", "200-399, 400, false", "204, 204, true", "204, 200, false",
            "' 500 - 599 ', 503, true"})
    void rangeAcceptsCodesBetweenItsBoundsInclusive(String written, int status, boolean accepted) {
        assertThat(StatusRange.parse(written).contains(status)).isEqualTo(accepted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ok", "399-200", "99", "200-600", ""})
    void nonsenseIsRejectedNamingTheYamlKey(String written) {
        assertThatThrownBy(() -> StatusRange.parse(written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected_status");
    }
}
