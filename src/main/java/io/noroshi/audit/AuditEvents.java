package io.noroshi.audit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's channel for {@link AuditEvent}s: each event goes to every subscriber synchronously, on the thread
 * that raised it, in the order they subscribed. A subscriber that throws is logged and skipped; the others still
 * hear the event. One instance per hub, built and handed around with {@code new}.
 */
public final class AuditEvents {

    private static final Logger LOG = LoggerFactory.getLogger(AuditEvents.class);

    /** Hears audit events; must be quick, since the audit waits for it. */
    @FunctionalInterface
    public interface Listener {
        void on(AuditEvent event);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    public void raise(AuditEvent event) {
        for (Listener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                LOG.warn("audit event listener failed event={} listener={} error={}", event.getClass().getSimpleName(),
                        listener.getClass().getName(), e.toString());
            }
        }
    }
}
