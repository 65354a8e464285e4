package io.noroshi.probe.tcp;

import io.noroshi.probe.CheckResult;
import io.noroshi.probe.Checker;
import io.noroshi.probe.ProbeRun;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.InstantSource;

/** UP when the TCP handshake completes within the probe's time-out; the connection is closed at once. */
public final class TcpChecker implements Checker<TcpProbe> {

    private final InstantSource clock;

    public TcpChecker(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public CheckResult check(TcpProbe probe) {
        ProbeRun run = ProbeRun.start(clock);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(probe.host(), probe.port()), (int) Math.max(1, probe.timeout().toMillis()));
            return run.up("connected in " + run.elapsed().toMillis() + " ms");
        } catch (Exception e) {
            return run.failed(e, probe.timeout());
        }
    }
}
