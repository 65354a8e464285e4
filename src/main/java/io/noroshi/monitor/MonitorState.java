package io.noroshi.monitor;

import java.time.Instant;
import java.util.List;

/**
 * One monitor's verdict as the engine holds it, for the operator's view.
 *
 * @param since     when the verdict last changed ({@link Instant#EPOCH} before the first verdict)
 * @param vantages  each vantage point's last result and streaks
 * @param unjudged  late results too old to be folded in their place since the hub started
 * @param staleAfter how long a vantage point's last result still counts
 */
public record MonitorState(String monitorId, Verdict verdict, Instant since, List<VantageTally> vantages, DampingState damping,
                           long unjudged, java.time.Duration staleAfter) {
    public MonitorState {
        vantages = List.copyOf(vantages);
    }
}
