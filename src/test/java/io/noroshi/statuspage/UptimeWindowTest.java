package io.noroshi.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.uptime.DailyUptime;
import io.noroshi.uptime.UptimeStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class UptimeWindowTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");
    private static final LocalDate FIRST = TODAY.minusDays(PageData.UPTIME_DAYS - 1L);
    private static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");

    /** An uptime store that counts its reads; {@code others} writes as another hub on the same database would. */
    private static class CountingStore implements UptimeStore {
        final Map<String, DailyUptime> rows = new TreeMap<>();
        long writes;
        int reads;

        @Override
        public void put(DailyUptime day) {
            others(day);
            writes++;
        }

        void others(DailyUptime day) {
            rows.put(day.componentId() + "/" + day.day(), day);
        }

        @Override
        public List<DailyUptime> since(LocalDate from) {
            reads++;
            return new ArrayList<>(rows.values().stream().filter(d -> !d.day().isBefore(from)).toList());
        }

        @Override
        public long writes() {
            return writes;
        }
    }

    private static DailyUptime day(String component, LocalDate day, long outage) {
        return new DailyUptime(component, day, 86_400 - outage, 0, outage, 0);
    }

    @Test
    void aRenderAfterNoUptimeWriteReadsNothingAndHandsOutTheSameLists() {
        var store = new CountingStore();
        store.put(day("web", TODAY, 0));
        store.put(day("mail", TODAY, 0));
        var window = new UptimeWindow(store);

        var first = window.read(FIRST, NOON);
        int reads = store.reads;
        var again = window.read(FIRST, NOON.plusSeconds(1));

        assertThat(store.reads).as("nothing written since: nothing read").isEqualTo(reads);
        assertThat(again.get("web")).isSameAs(first.get("web"));
        assertThat(again.get("mail")).isSameAs(first.get("mail"));
    }

    @Test
    void aWriteThroughTheStoreShowsOnTheNextRenderAndOnlyItsComponentGetsANewList() {
        var store = new CountingStore();
        store.put(day("web", TODAY, 0));
        store.put(day("mail", TODAY, 0));
        var window = new UptimeWindow(store);
        var first = window.read(FIRST, NOON);

        store.put(day("web", TODAY, 600));
        var next = window.read(FIRST, NOON.plusSeconds(1));

        assertThat(next.get("web")).containsExactly(day("web", TODAY, 600));
        assertThat(next.get("mail")).isSameAs(first.get("mail"));
    }

    @Test
    void anotherHubsWriteShowsOnceTheRecentDaysAreReadAgain() {
        var store = new CountingStore();
        store.put(day("web", TODAY, 0));
        var window = new UptimeWindow(store);
        window.read(FIRST, NOON);

        store.others(day("web", TODAY.minusDays(2), 3_600));
        var soon = window.read(FIRST, NOON.plus(UptimeWindow.RECENT_READ_EVERY).minusSeconds(1));
        var later = window.read(FIRST, NOON.plus(UptimeWindow.RECENT_READ_EVERY));

        assertThat(soon.get("web")).as("not counted by this process: trusted for a few seconds").hasSize(1);
        assertThat(later.get("web")).containsExactly(day("web", TODAY.minusDays(2), 3_600), day("web", TODAY, 0));
    }

    @Test
    void aNewDayReadsTheWholeWindowAndDropsTheDayThatLeftIt() {
        var store = new CountingStore();
        store.put(day("web", FIRST, 60));
        store.put(day("web", TODAY, 0));
        var window = new UptimeWindow(store);
        assertThat(window.read(FIRST, NOON).get("web")).hasSize(2);

        var tomorrow = window.read(FIRST.plusDays(1), NOON.plusSeconds(86_400));

        assertThat(tomorrow.get("web")).containsExactly(day("web", TODAY, 0));
    }

    @Test
    void aStoreThatCannotCountItsWritesIsReadEveryTime() {
        var store = new CountingStore() {
            @Override
            public long writes() {
                return UptimeStore.UNKNOWN;
            }
        };
        store.put(day("web", TODAY, 0));
        var window = new UptimeWindow(store);
        window.read(FIRST, NOON);
        int reads = store.reads;

        store.others(day("web", TODAY, 60));
        var next = window.read(FIRST, NOON.plusSeconds(1));

        assertThat(store.reads).isEqualTo(reads + 1);
        assertThat(next.get("web")).containsExactly(day("web", TODAY, 60));
    }
}
