package io.noroshi.subscriber;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The subscribers. Addresses are stored as given after normalising (e-mail lower-cased); never logged. */
public interface SubscriberStore {

    /**
     * Adds a subscriber, or returns the one with this address (its language and scope replaced when it is still
     * pending, so a second form submission before confirming corrects the first).
     */
    Subscriber add(Subscriber.Kind kind, String address, String lang, List<String> components, Subscriber.State state, Instant now);

    Optional<Subscriber> find(String id);

    Optional<Subscriber> byAddress(Subscriber.Kind kind, String address);

    /** Confirms a pending subscriber; false when it is gone. */
    boolean confirm(String id, Instant now);

    boolean update(String id, String lang, List<String> components);

    boolean remove(String id);

    /** A page of subscribers ordered by address; {@code query} matches part of the address (empty: all). */
    List<Subscriber> list(String query, int offset, int limit);

    long count();

    /** Every subscriber, read a page at a time (for exports of any size). */
    void each(Consumer<Subscriber> each);
}
