package io.noroshi.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Operators, keyed by id and by their email (compared lower-cased). */
public interface OperatorStore {

    /**
     * Adds an operator.
     *
     * @throws DuplicateOperator when the email is taken
     */
    Operator create(String email, String passwordHash, Instant at);

    Optional<Operator> find(String id);

    Optional<Operator> findByEmail(String email);

    /** Every operator, oldest first. */
    List<Operator> all();

    int count();

    /** Replaces the one-time setup token's hash (there is at most one). */
    void putSetupToken(String tokenHash, Instant at);

    /** Consumes the setup token: true (and gone) when {@code tokenHash} was the stored one. */
    boolean takeSetupToken(String tokenHash);

    boolean hasSetupToken();
}
