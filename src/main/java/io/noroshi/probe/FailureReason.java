package io.noroshi.probe;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns whatever a probe ran into (refused, timed out, bad certificate, wrong reply) into the
 * few words an operator reads on the status page and acts on. Checkers call it from one
 * catch block so every kind of probe words the same failure the same way.
 */
public final class FailureReason {

    /** Cause chains can be cyclic in theory; real ones are a handful deep. */
    private static final int MAX_CAUSES = 16;

    private FailureReason() {
    }

    /** A short, secret-free description of {@code failure}; {@code timeout} is quoted for time-outs. */
    public static String describe(Throwable failure, Duration timeout) {
        // The telling cause is usually the innermost one (an expired certificate inside a
        // PKIX failure inside a handshake failure inside an ExecutionException): ask it first.
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < MAX_CAUSES; t = t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain.reversed()) {
            String reason = specific(t, timeout);
            if (reason != null) {
                return reason;
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SSLException) {
                return "TLS failed: " + brief(t);
            }
        }
        return brief(failure);
    }

    private static String specific(Throwable t, Duration timeout) {
        return switch (t) {
            case ProtocolViolation v -> v.getMessage();
            case HttpConnectTimeoutException e -> "connect timed out after " + readable(timeout);
            case SocketTimeoutException e -> "timed out after " + readable(timeout);
            case HttpTimeoutException e -> "timed out after " + readable(timeout);
            case TimeoutException e -> "timed out after " + readable(timeout);
            case UnknownHostException e -> "unknown host " + e.getMessage();
            case NoRouteToHostException e -> "no route to host";
            case PortUnreachableException e -> "port unreachable";
            case ConnectException e -> refusedOrTimedOut(e, timeout);
            case CertificateExpiredException e -> "certificate expired";
            case CertificateNotYetValidException e -> "certificate not yet valid";
            case CertPathBuilderException e -> "certificate not trusted (unknown issuer or self-signed)";
            case CertPathValidatorException e -> "certificate not trusted: " + brief(e);
            case SSLHandshakeException e when mentionsHostName(e) -> "certificate does not match the host name";
            case EOFException e -> "connection closed by the server";
            case NoSuchFileException e -> "trust store not found: " + e.getFile();
            default -> null;
        };
    }

    private static String refusedOrTimedOut(ConnectException e, Duration timeout) {
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("timed out")) {
            return "connect timed out after " + readable(timeout);
        }
        return "connection refused";
    }

    private static boolean mentionsHostName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("no subject alternative") || text.contains("no name matching")) {
                return true;
            }
        }
        return false;
    }

    private static String brief(Throwable t) {
        String message = t.getMessage();
        String name = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : ProtocolViolation.quote(message);
    }

    /** {@code 200ms}, {@code 1.5s}, {@code 5s}, {@code 2m 30s}, {@code 1d 1h}: how operators write durations. */
    public static String readable(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return millis % 1000 == 0 ? d.toSeconds() + "s" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        if (d.toMinutes() < 60) {
            return pair(d.toMinutes(), "m", d.toSecondsPart(), "s");
        }
        if (d.toHours() < 24) {
            return pair(d.toHours(), "h", d.toMinutesPart(), "m");
        }
        return pair(d.toDays(), "d", d.toHoursPart(), "h");
    }

    private static String pair(long major, String majorUnit, long minor, String minorUnit) {
        return minor == 0 ? major + majorUnit : major + majorUnit + " " + minor + minorUnit;
    }
}
