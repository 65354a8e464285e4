package io.noroshi.probe.tls;

import io.noroshi.probe.CheckResult;
import io.noroshi.probe.Checker;
import io.noroshi.probe.ProbeRun;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.InstantSource;
import javax.net.ssl.SSLSocket;

/**
 * Connects, shakes hands with SNI and host-name verification, and judges the served
 * certificate's expiry against the injected clock.
 */
public final class TlsChecker implements Checker<TlsProbe> {

    private final InstantSource clock;

    public TlsChecker(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public CheckResult check(TlsProbe probe) {
        ProbeRun run = ProbeRun.start(clock);
        int timeoutMillis = Math.toIntExact(Math.max(1, probe.timeout().toMillis()));
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(probe.host(), probe.port()), timeoutMillis);
            // Connect already spent part of the budget; the handshake gets what is left.
            plain.setSoTimeout((int) Math.max(1, timeoutMillis - run.elapsed().toMillis()));
            try (SSLSocket tls = TlsUpgrade.handshake(plain, probe.serverName(), probe.trustStore().sslContext(true), true)) {
                CertificateExpiry expiry = CertificateExpiry.of(TlsUpgrade.leafCertificate(tls), clock.instant(), probe.warnDays());
                return run.finish(expiry.outcome(), expiry.message());
            }
        } catch (Exception e) {
            return run.failed(e, probe.timeout());
        }
    }
}
