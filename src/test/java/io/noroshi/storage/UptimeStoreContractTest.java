package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.uptime.DailyUptime;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class UptimeStoreContractTest extends StoreContract {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    UptimeStoreContractTest(Engine engine) {
        super(engine);
    }

    @Test
    void sinceReturnsDaysFromTheGivenDayByComponentThenDay() {
        var webBefore = new DailyUptime("web", DAY.minusDays(1), 86_400, 0, 0, 0);
        var webOn = new DailyUptime("web", DAY, 80_000, 400, 6_000, 0);
        var webAfter = new DailyUptime("web", DAY.plusDays(1), 0, 0, 0, 0);
        var dnsOn = new DailyUptime("dns", DAY, 1, 2, 3, 4);
        var mailYearLater = new DailyUptime("mail", DAY.plusYears(1), 0, 0, 0, 86_400);
        for (DailyUptime day : new DailyUptime[] {webAfter, mailYearLater, webBefore, dnsOn, webOn}) {
            db().uptime().put(day);
        }

        assertThat(db().uptime().since(DAY)).containsExactly(dnsOn, mailYearLater, webOn, webAfter);
        assertThat(db().uptime().since(DAY.plusDays(2))).containsExactly(mailYearLater);
    }

    @Test
    void putReplacesTheSameComponentDay() {
        db().uptime().put(new DailyUptime("web", DAY, 100, 0, 0, 0));
        var corrected = new DailyUptime("web", DAY, 86_000, 100, 200, 100);

        db().uptime().put(corrected);

        assertThat(db().uptime().since(DAY)).containsExactly(corrected);
    }

    @Test
    void largeSecondCountsRoundTrip() {
        var large = new DailyUptime("web", DAY, Long.MAX_VALUE, 0, Integer.MAX_VALUE + 1L, 0);

        db().uptime().put(large);

        assertThat(db().uptime().since(DAY)).containsExactly(large);
    }
}
