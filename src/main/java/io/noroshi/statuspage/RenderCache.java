package io.noroshi.statuspage;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Results of a pure rendering step kept from one render to the next, so that a write re-renders
 * only what its change reaches. A key must be the step's complete input (a view record, an
 * incident record): equal keys must give equal results, which is what keeps an incremental
 * render byte-equal to a full one.
 *
 * <p>Two generations: what the current render looked up is kept for the next one, everything
 * else is dropped when the next render begins, so memory follows the site's size, not its
 * history. Not thread-safe: one render at a time (see {@link SiteRenderer#render}).
 *
 * @param <K> the step's input; records with value equality
 * @param <V> the step's output, immutable
 */
public final class RenderCache<K, V> {

    private Map<K, V> previous = new HashMap<>();
    private Map<K, V> current = new HashMap<>();

    /** The result for {@code key}: kept from the previous or this render, or rendered now. */
    public V get(K key, Function<? super K, ? extends V> render) {
        V value = current.get(key);
        if (value != null) return value;
        value = previous.get(key);
        if (value == null) value = render.apply(key);
        current.put(key, value);
        return value;
    }

    /** Starts the next render: what the last one did not use is dropped. */
    public void nextRender() {
        previous = current;
        current = new HashMap<>();
    }

    /**
     * A key part compared by identity, for inputs the stores hand out again as the same instance
     * while unchanged (incidents): hashing a whole incident with its updates on every render costs
     * more than the rendering it saves. Identity is never wrong, only sometimes a miss.
     */
    public record Same(Object value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Same same && same.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }
}
