package io.noroshi.audit.inventory;

import java.util.List;

/**
 * What one failure takes down, and whether the operator can still speak to customers.
 *
 * @param failed             the site or shared part that fails
 * @param down               services that stop, directly or through what they depend on
 * @param degraded           services that lose some endpoints but keep running elsewhere
 * @param canPublishStatus   some status page survives
 * @param canReachCustomers  some notification relay survives, and the contact store (when one is declared)
 * @param vantagePointsLeft  vantage points still running
 * @param vantageQuorum      how many must agree to declare an outage (a majority of all vantage points)
 */
public record BlastRadius(FailureDomain failed, List<ServiceLoss> down, List<String> degraded, boolean canPublishStatus,
                          boolean canReachCustomers, int vantagePointsLeft, int vantageQuorum) {

    public BlastRadius {
        down = List.copyOf(down);
        degraded = List.copyOf(degraded);
    }

    public boolean takesDown(String serviceId) {
        return down.stream().anyMatch(l -> l.service().equals(serviceId));
    }

    public List<ServiceLoss> directlyDown() {
        return down.stream().filter(ServiceLoss::direct).toList();
    }

    /** True when enough vantage points survive to confirm an outage by quorum. */
    public boolean canConfirmOutage() {
        return vantageQuorum > 0 && vantagePointsLeft >= vantageQuorum;
    }
}
