package io.noroshi.storage;

import java.util.function.Supplier;

/**
 * Several store writes as one transaction: for a change that spans stores (an incident update, the
 * component statuses it sets and its audit entry), so that a failure in any of them leaves none
 * of them stored.
 */
@FunctionalInterface
public interface AllOrNothing {

    /**
     * Runs {@code work} on the calling thread; every store write it makes on this thread commits
     * when it returns, or rolls back when it throws (the exception is passed on). Store reads
     * inside {@code work} run in the same transaction and see the writes made so far. Nested calls
     * join the outer transaction.
     */
    <R> R together(Supplier<R> work);
}
