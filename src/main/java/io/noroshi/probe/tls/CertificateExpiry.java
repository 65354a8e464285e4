package io.noroshi.probe.tls;

import io.noroshi.probe.CheckOutcome;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What a served certificate's dates mean today: expired or not yet valid (DOWN), expiring within
 * the warning window (DEGRADED), or fine (UP). "Today" comes from the caller's injected clock,
 * so tests can move it and operators see the same verdict as the trust manager would.
 *
 * @param outcome  the verdict
 * @param daysLeft whole days until {@code notAfter} (negative once expired)
 * @param message  e.g. {@code certificate expires in 9 days (2026-12-04)}
 */
public record CertificateExpiry(CheckOutcome outcome, long daysLeft, String message) {

    /**
     * @param warnDays DEGRADED when fewer than this many days remain; 0 disables the warning
     */
    public static CertificateExpiry of(X509Certificate certificate, Instant now, int warnDays) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        long daysLeft = Duration.between(now, notAfter).toDays();
        String until = " (" + LocalDate.ofInstant(notAfter, ZoneOffset.UTC) + ")";
        if (now.isBefore(notBefore)) {
            return new CertificateExpiry(CheckOutcome.DOWN, daysLeft,
                    "certificate not valid before " + LocalDate.ofInstant(notBefore, ZoneOffset.UTC));
        }
        if (!now.isBefore(notAfter)) {
            return new CertificateExpiry(CheckOutcome.DOWN, daysLeft, "certificate expired" + until);
        }
        if (daysLeft < warnDays) {
            return new CertificateExpiry(CheckOutcome.DEGRADED, daysLeft,
                    "certificate expires in " + daysLeft + " days" + until);
        }
        return new CertificateExpiry(CheckOutcome.UP, daysLeft, "certificate valid for " + daysLeft + " more days" + until);
    }
}
