package io.noroshi.audit.inventory;

import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Service;
import java.util.List;

/**
 * A place monitoring checks run from. Until {@code noroshi.yaml} has a {@code vantage_points} list, each
 * endpoint of a service of kind {@code monitoring} is one vantage point at its site.
 *
 * @param id          a stable label, {@code service@host}
 * @param site        the site it runs in
 * @param sharedParts the shared parts it uses
 */
public record VantagePoint(String id, String site, List<String> sharedParts) {

    public VantagePoint {
        sharedParts = List.copyOf(sharedParts);
    }

    /** Vantage points as the config declares them today: the endpoints of monitoring services. */
    public static List<VantagePoint> fromMonitoringServices(NoroshiConfig config) {
        return config.services().stream().filter(s -> s.kind() == Service.ServiceKind.MONITORING)
                .flatMap(s -> s.endpoints().stream().map(e -> new VantagePoint(s.id() + "@" + e.label(), e.site(), e.sharedParts())))
                .toList();
    }
}
