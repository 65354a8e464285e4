package io.noroshi.probe.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import io.noroshi.probe.FakeClock;
import io.noroshi.probe.ScriptedServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TcpCheckerTest {

    private final FakeClock clock = FakeClock.atSystemTime();
    private final TcpChecker checker = new TcpChecker(clock);

    @Test
    void openPortIsUp() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CheckResult result = checker.check(new TcpProbe("127.0.0.1", listener.getLocalPort(), null));

            assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
            assertThat(result.message()).startsWith("connected in");
            assertThat(result.startedAt()).isEqualTo(clock.instant());
        }
    }

    @Test
    void closedPortIsDownWithConnectionRefused() throws Exception {
        CheckResult result = checker.check(new TcpProbe("127.0.0.1", ScriptedServer.closedPort(), null));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.message()).isEqualTo("connection refused");
    }

    @Test
    void targetIsHostAndPort() {
        assertThat(new TcpProbe("db1.example.com", 5432, null).target()).isEqualTo("db1.example.com:5432");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536})
    void portOutsideTheTcpRangeIsRejected(int port) {
        assertThatThrownBy(() -> new TcpProbe("127.0.0.1", port, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port must be 1-65535");
    }
}
