package io.noroshi.monitor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link MonitorEvents} delivered synchronously to subscribers in this JVM. */
public final class InHubEvents implements MonitorEvents {

    private static final Logger log = LoggerFactory.getLogger(InHubEvents.class);
    private final List<Consumer<VerdictChange>> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public void subscribe(Consumer<VerdictChange> subscriber) {
        subscribers.add(subscriber);
    }

    @Override
    public void publish(VerdictChange change) {
        log.info("monitor verdict monitor={} from={} to={} at={}", change.monitorId(), change.from(), change.to(), change.at());
        for (var subscriber : subscribers) {
            try {
                subscriber.accept(change);
            } catch (RuntimeException e) {
                log.warn("monitor subscriber failed monitor={} error={}", change.monitorId(), e.toString());
            }
        }
    }
}
