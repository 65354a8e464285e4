package io.noroshi.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.probe.FakeClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mirror that keeps failing alerts the team once when it has lagged past falling_behind_after,
 * shows its error and lag to the operator, and tells the team when it has caught up.
 */
class MirrorAlertsTest {

    @TempDir
    Path dir;

    /** A directory mirror whose writes fail while {@code down} is set, as a full disk or a lost mount would. */
    static final class Flaky implements MirrorTarget {
        final DirectoryTarget inner;
        volatile boolean down = true;

        Flaky(Path root) {
            inner = new DirectoryTarget(root);
        }

        @Override
        public Optional<byte[]> read(String file) throws IOException {
            if (down) throw new IOException("mount /srv/status is gone");
            return inner.read(file);
        }

        @Override
        public void apply(Upload upload) throws IOException {
            if (down) throw new IOException("mount /srv/status is gone");
            inner.apply(upload);
        }
    }

    @Test
    void aMirrorFallingBehindAlertsOnceAndAgainWhenCaughtUp() {
        var clock = new FakeClock(Instant.parse("2026-12-02T03:00:00Z"));
        var events = new CopyOnWriteArrayList<String>();
        MirrorAlerts alerts = new MirrorAlerts() {
            @Override
            public void fallingBehind(String mirror, Duration lag, String lastError) {
                events.add("behind " + mirror + " " + lag.toMinutes() + "m " + lastError);
            }

            @Override
            public void caughtUp(String mirror) {
                events.add("caught up " + mirror);
            }
        };
        var target = new Flaky(dir);
        try (var worker = new MirrorWorker("osaka", "osaka-dc2", "directory", target, Duration.ofMinutes(5), alerts, clock)) {
            var site = new PublishedSite(clock.instant(), Map.of("index.html", SiteFile.of("index.html", "text/html; charset=utf-8", new byte[] {'h'})));
            assertThatThrownBy(() -> worker.publish(site)).isInstanceOf(MirrorException.class).hasMessageContaining("mount /srv/status is gone");
            assertThat(events).isEmpty();

            clock.advance(Duration.ofMinutes(4));
            assertThatThrownBy(() -> worker.publish(site)).isInstanceOf(MirrorException.class);
            assertThat(events).isEmpty();
            clock.advance(Duration.ofMinutes(2));
            assertThatThrownBy(() -> worker.publish(site)).isInstanceOf(MirrorException.class);
            assertThatThrownBy(() -> worker.publish(site)).isInstanceOf(MirrorException.class);
            assertThat(events).containsExactly("behind osaka 6m IOException: mount /srv/status is gone");
            MirrorState failing = worker.state();
            assertThat(failing.failures()).isEqualTo(4);
            assertThat(failing.lag()).isEqualTo(Duration.ofMinutes(6));
            assertThat(failing.lastError()).contains("IOException: mount /srv/status is gone");
            assertThat(failing.fallingBehind()).isTrue();

            target.down = false;
            assertThat(worker.publish(site)).isEqualTo(1);
            assertThat(events).containsExactly("behind osaka 6m IOException: mount /srv/status is gone", "caught up osaka");
            MirrorState ok = worker.state();
            assertThat(ok.lag()).isZero();
            assertThat(ok.lastError()).isEmpty();
            assertThat(ok.lastSuccess()).contains(clock.instant());
            assertThat(List.of(ok.failures())).containsExactly(0);
        }
    }
}
