package io.noroshi.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

class FailureReasonTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ConnectException("Connection refused"), "connection refused"),
                Arguments.of(new ExecutionException(new ConnectException(null)), "connection refused"),
                Arguments.of(new SocketTimeoutException("Read timed out"), "timed out after 5s"),
                Arguments.of(new UnknownHostException("mx1.example.com"), "unknown host mx1.example.com"),
                Arguments.of(handshake(new CertificateExpiredException("NotAfter: ...")), "certificate expired"),
                Arguments.of(handshake(new CertificateException("No subject alternative DNS name matching a.example found.")),
                        "certificate does not match the host name"),
                Arguments.of(ProtocolViolation.expected("220 banner", "554 go away"), "expected 220 banner, got: 554 go away"),
                Arguments.of(new IOException("Broken pipe"), "Broken pipe"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void failuresAreWordedForOperators(Throwable failure, String expected) {
        assertThat(FailureReason.describe(failure, Duration.ofSeconds(5))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"PT0.2S, 200ms", "PT1.5S, 1.5s", "PT5S, 5s", "PT2M30S, 2m 30s", "PT1H5M, 1h 5m", "PT25H, 1d 1h", "PT48H, 2d"})
    void durationsAreWrittenTheWayOperatorsWriteThem(Duration duration, String expected) {
        assertThat(FailureReason.readable(duration)).isEqualTo(expected);
    }

    private static SSLHandshakeException handshake(Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException("PKIX path validation failed");
        e.initCause(new CertificateException("wrapped", cause));
        return e;
    }
}
