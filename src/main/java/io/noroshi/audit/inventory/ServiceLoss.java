package io.noroshi.audit.inventory;

import io.noroshi.config.Service.ServiceKind;
import java.util.List;

/**
 * A service that goes down when a failure domain fails.
 *
 * @param service the service id
 * @param kind    its kind
 * @param through empty when every endpoint sits in the failed domain; else the dependency chain that takes
 *                it down, nearest first (e.g. {@code [dns]} for a web site whose DNS fell)
 */
public record ServiceLoss(String service, ServiceKind kind, List<String> through) {

    public ServiceLoss {
        through = List.copyOf(through);
    }

    public boolean direct() {
        return through.isEmpty();
    }
}
