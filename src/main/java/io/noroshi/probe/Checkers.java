package io.noroshi.probe;

import io.noroshi.probe.dns.DnsChecker;
import io.noroshi.probe.dns.DnsProbe;
import io.noroshi.probe.dns.ResolverFactory;
import io.noroshi.probe.heartbeat.HeartbeatChecker;
import io.noroshi.probe.heartbeat.HeartbeatLedger;
import io.noroshi.probe.heartbeat.HeartbeatProbe;
import io.noroshi.probe.http.HttpChecker;
import io.noroshi.probe.http.HttpProbe;
import io.noroshi.probe.mail.ImapChecker;
import io.noroshi.probe.mail.ImapProbe;
import io.noroshi.probe.mail.Pop3Checker;
import io.noroshi.probe.mail.Pop3Probe;
import io.noroshi.probe.mail.SmtpChecker;
import io.noroshi.probe.mail.SmtpProbe;
import io.noroshi.probe.tcp.TcpChecker;
import io.noroshi.probe.tcp.TcpProbe;
import io.noroshi.probe.tls.TlsChecker;
import io.noroshi.probe.tls.TlsProbe;
import java.net.http.HttpClient;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one place that knows which {@link Checker} runs which {@link Probe} record, so the monitor
 * engine runs any probe with {@code checkers.check(probe)}. A new kind of probe is its record,
 * its checker, and one line in {@link #standard}.
 */
public final class Checkers {

    private final InstantSource clock;
    private final Map<Class<? extends Probe>, Checker<? extends Probe>> byProbe;

    private Checkers(InstantSource clock, Map<Class<? extends Probe>, Checker<? extends Probe>> byProbe) {
        this.clock = clock;
        this.byProbe = Map.copyOf(byProbe);
    }

    /**
     * Every built-in probe kind, wired to the given clock, HTTP client and heartbeat ledger.
     *
     * @param http   see {@link HttpChecker#defaultClient()}; should not follow redirects itself
     * @param ledger the same instance the heartbeat push endpoint records into
     */
    public static Checkers standard(InstantSource clock, HttpClient http, HeartbeatLedger ledger) {
        Map<Class<? extends Probe>, Checker<? extends Probe>> map = new HashMap<>();
        map.put(HttpProbe.class, new HttpChecker(clock, http));
        map.put(TcpProbe.class, new TcpChecker(clock));
        map.put(TlsProbe.class, new TlsChecker(clock));
        map.put(SmtpProbe.class, new SmtpChecker(clock));
        map.put(ImapProbe.class, new ImapChecker(clock));
        map.put(Pop3Probe.class, new Pop3Checker(clock));
        map.put(HeartbeatProbe.class, new HeartbeatChecker(clock, ledger));
        map.put(DnsProbe.class, new DnsChecker(ResolverFactory.direct(), clock));
        return new Checkers(clock, map);
    }

    /** A copy that also runs {@code type} with {@code checker} (replacing any earlier one), for kinds built elsewhere. */
    public <P extends Probe> Checkers with(Class<P> type, Checker<? super P> checker) {
        Map<Class<? extends Probe>, Checker<? extends Probe>> map = new HashMap<>(byProbe);
        map.put(type, adapt(checker));
        return new Checkers(clock, map);
    }

    /** The probe record classes this registry can run. */
    public Set<Class<? extends Probe>> kinds() {
        return byProbe.keySet();
    }

    /**
     * Runs {@code probe} once with its checker. A checker that breaks its contract by throwing is
     * reported as DOWN rather than killing the monitor loop.
     *
     * @throws IllegalArgumentException when no checker is registered for the probe's class: a wiring bug, not an outage
     */
    public CheckResult check(Probe probe) {
        @SuppressWarnings("unchecked") // the map pairs each record class with a checker of that class
        Checker<Probe> checker = (Checker<Probe>) byProbe.get(probe.getClass());
        if (checker == null) {
            throw new IllegalArgumentException("no checker for probe kind '" + probe.kind() + "' (" + probe.getClass().getName() + ")");
        }
        ProbeRun run = ProbeRun.start(clock);
        try {
            return checker.check(probe);
        } catch (RuntimeException e) {
            return run.down("checker failed: " + FailureReason.describe(e, probe.timeout()));
        }
    }

    private static <P extends Probe> Checker<P> adapt(Checker<? super P> checker) {
        return checker::check;
    }
}
