package io.noroshi.config;

import io.noroshi.probe.heartbeat.HeartbeatProbe;
import io.noroshi.probe.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code vantage_points:}, {@code monitors:} and {@code monitoring:} sections. The hub's
 * own vantage point ({@code hub}) is implicit when not listed. References to sites, components,
 * services and vantage points are checked by {@link ConfigReferences} with the other sections.
 */
final class MonitorsSection {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** What the three sections hold once read. */
    record Read(List<VantagePoint> vantagePoints, List<Monitor> monitors, MonitoringSettings monitoring) {
    }

    private MonitorsSection() {
    }

    static Read read(YamlSection top, ConfigReferences references) {
        var vantagePoints = new ArrayList<>(top.list("vantage_points", s -> vantagePoint(s, references)));
        if (vantagePoints.stream().noneMatch(v -> v.id().equals(VantagePoint.HUB_ID))) {
            vantagePoints.addFirst(VantagePoint.implicitHub());
            references.declare("vantage point", top, VantagePoint.HUB_ID);
        }
        List<String> allIds = vantagePoints.stream().map(VantagePoint::id).toList();
        List<Monitor> monitors = top.list("monitors", s -> monitor(s, references, allIds)).stream()
                .filter(m -> m != null).toList();
        MonitoringSettings monitoring = top.section("monitoring").map(s -> {
            var retention = Durations.positive(s, "retention").orElse(MonitoringSettings.DEFAULT_RETENTION);
            var damping = s.section("flap_damping").map(MonitorsSection::flapDamping).orElse(FlapDamping.defaults());
            var metricsBind = s.string("metrics_bind").flatMap(text -> address(s, "metrics_bind", text));
            s.finish();
            return new MonitoringSettings(retention, damping, metricsBind);
        }).orElse(MonitoringSettings.defaults());
        return new Read(vantagePoints, monitors, monitoring);
    }

    private static Optional<java.net.InetSocketAddress> address(YamlSection s, String key, String text) {
        int colon = text.lastIndexOf(':');
        String host = colon > 0 ? text.substring(0, colon).replaceAll("^\\[|\\]$", "") : "";
        String port = colon > 0 ? text.substring(colon + 1) : "";
        if (host.isEmpty() || !port.matches("\\d{1,5}") || Integer.parseInt(port) < 0 || Integer.parseInt(port) > 65535) {
            s.problem(key, "'" + text + "' is not an address; write host:port, e.g. 127.0.0.1:9464");
            return Optional.empty();
        }
        var wrong = AddressLiterals.problemWithHost(host);
        if (wrong.isPresent()) {
            s.problem(key, wrong.get());
            return Optional.empty();
        }
        return Optional.of(java.net.InetSocketAddress.createUnresolved(host, Integer.parseInt(port)));
    }

    private static FlapDamping flapDamping(YamlSection s) {
        int changes = ProbeReaders.integer(s, "changes", FlapDamping.DEFAULT_CHANGES);
        if (changes < 2) s.problem("changes", "must be at least 2 (one outage and its recovery are two changes)");
        var window = Durations.positive(s, "window").orElse(FlapDamping.DEFAULT_WINDOW);
        var hold = Durations.read(s, "hold").orElse(FlapDamping.DEFAULT_HOLD);
        if (hold.isNegative()) s.problem("hold", "must not be negative");
        s.finish();
        return new FlapDamping(Math.max(2, changes), window, hold.isNegative() ? FlapDamping.DEFAULT_HOLD : hold);
    }

    private static VantagePoint vantagePoint(YamlSection s, ConfigReferences references) {
        String id = references.declare("vantage point", s, s.requiredString("id"));
        VantagePoint.Kind kind = s.string("kind").flatMap(k -> ConfigLoader.constant(s, "kind", k, VantagePoint.Kind.class))
                .orElse(id.equals(VantagePoint.HUB_ID) ? VantagePoint.Kind.HUB : VantagePoint.Kind.AGENT);
        Optional<String> site = s.string("site");
        site.ifPresent(v -> references.expect("site", v, s, "site"));
        if (site.isEmpty() && kind == VantagePoint.Kind.AGENT) s.problem("site", "is required: the site the agent runs in");
        Optional<String> token = s.string("token_sha256");
        if (kind == VantagePoint.Kind.AGENT && token.isEmpty()) {
            s.problem("token_sha256", "is required for an agent: the hex SHA-256 of its token (sha256sum of the token)");
        }
        if (kind == VantagePoint.Kind.HUB && token.isPresent()) s.problem("token_sha256", "only agents have tokens");
        if (kind == VantagePoint.Kind.HUB && !id.equals(VantagePoint.HUB_ID)) s.problem("id", "the hub's vantage point is called 'hub'");
        token.filter(t -> !SHA256_HEX.matcher(t).matches())
                .ifPresent(t -> s.problem("token_sha256", "must be 64 lower-case hex digits (a SHA-256), not the token itself"));
        s.finish();
        return new VantagePoint(id, site, kind, token);
    }

    private static Monitor monitor(YamlSection s, ConfigReferences references, List<String> allVantagePoints) {
        String id = references.declare("monitor", s, s.requiredString("id"));
        String kind = s.requiredString("kind");
        var interval = Durations.positive(s, "interval").orElse(Monitor.DEFAULT_INTERVAL);
        if (interval.compareTo(MonitoringSettings.MIN_INTERVAL) < 0) {
            s.problem("interval", "must be at least " + MonitoringSettings.MIN_INTERVAL.toMillis() + "ms; shorter checks are a load test, not monitoring");
            interval = MonitoringSettings.MIN_INTERVAL;
        }
        int retries = nonNegative(s, "retries", 0);
        Optional<String> component = s.string("component");
        component.ifPresent(c -> references.expect("component", c, s, "component"));
        Optional<String> service = s.string("service");
        service.ifPresent(c -> references.expect("service", c, s, "service"));
        List<String> vantagePoints = s.strings("vantage_points");
        vantagePoints.forEach(v -> references.expect("vantage point", v, s, "vantage_points"));
        if (s.has("vantage_points") && vantagePoints.isEmpty()) s.problem("vantage_points", "must name at least one vantage point");
        if (vantagePoints.stream().distinct().count() != vantagePoints.size()) s.problem("vantage_points", "lists a vantage point twice");
        Optional<Integer> quorum = s.has("quorum") ? Optional.of(ProbeReaders.integer(s, "quorum", 1)) : Optional.empty();
        int confirmations = positive(s, "confirmations", Monitor.DEFAULT_CONFIRMATIONS);
        int recoveries = positive(s, "recoveries", Monitor.DEFAULT_RECOVERIES);
        Probe probe = kind.isEmpty() ? null : ProbeReaders.read(kind, s, id);
        s.finish();
        if (probe == null || id.isEmpty()) return null;
        if (vantagePoints.isEmpty()) {
            // Pushes reach only the hub, so a heartbeat is judged there alone.
            vantagePoints = probe instanceof HeartbeatProbe ? List.of(VantagePoint.HUB_ID) : allVantagePoints;
        } else if (probe instanceof HeartbeatProbe && !vantagePoints.equals(List.of(VantagePoint.HUB_ID))) {
            s.problem("vantage_points", "a heartbeat is pushed to the hub; only [hub] can judge it");
        }
        int size = vantagePoints.size();
        quorum.filter(q -> q < 1 || q > size).ifPresent(q -> s.problem("quorum", "must be between 1 and the " + size
                + " vantage point(s) that run this monitor, not " + q));
        return new Monitor(id, probe, interval, retries, component, service, vantagePoints, quorum, confirmations, recoveries);
    }

    private static int nonNegative(YamlSection s, String key, int whenAbsent) {
        int value = ProbeReaders.integer(s, key, whenAbsent);
        if (value < 0) s.problem(key, "must not be negative");
        return Math.max(0, value);
    }

    private static int positive(YamlSection s, String key, int whenAbsent) {
        int value = ProbeReaders.integer(s, key, whenAbsent);
        if (value < 1) s.problem(key, "must be at least 1");
        return Math.max(1, value);
    }
}
