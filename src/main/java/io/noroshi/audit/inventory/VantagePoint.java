package io.noroshi.audit.inventory;

import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Service;
import java.util.List;

/**
 * A place monitoring checks run from: each entry of {@code vantage_points} that names its site,
 * and each endpoint of a service of kind {@code monitoring}.
 *
 * @param id          the vantage point's id, or {@code service@host} for a monitoring service's endpoint
 * @param site        the site it runs in
 * @param sharedParts the shared parts it uses
 */
public record VantagePoint(String id, String site, List<String> sharedParts) {

    public VantagePoint {
        sharedParts = List.copyOf(sharedParts);
    }

    /** Every vantage point the config places in a site; one without a site cannot be judged and is left out. */
    public static List<VantagePoint> fromConfig(NoroshiConfig config) {
        var declared = config.vantagePoints().stream()
                .filter(v -> v.site().isPresent())
                .map(v -> new VantagePoint(v.id(), v.site().get(), List.of()));
        var monitoringServices = config.services().stream().filter(s -> s.kind() == Service.ServiceKind.MONITORING)
                .flatMap(s -> s.endpoints().stream().map(e -> new VantagePoint(s.id() + "@" + e.label(), e.site(), e.sharedParts())));
        return java.util.stream.Stream.concat(declared, monitoringServices).toList();
    }
}
