package io.noroshi.account;

import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Operators: creating them (checks the email and password rules), logging in (rate-limited) and the
 * one-time setup token that lets the first operator be created from the browser.
 */
public final class Accounts {

    /** Prefix of the one-time setup token printed at the first start. */
    public static final String SETUP_PREFIX = "nrs_setup_";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final OperatorStore operators;
    private final PasswordHashes passwords;
    private final LoginThrottle throttle;
    private final SecretTokens secrets;
    private final InstantSource clock;

    public Accounts(OperatorStore operators, PasswordHashes passwords, LoginThrottle throttle, SecretTokens secrets, InstantSource clock) {
        this.operators = operators;
        this.passwords = passwords;
        this.throttle = throttle;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Creates an operator.
     *
     * @throws InvalidAccount    when the email or password breaks the rules
     * @throws DuplicateOperator when the email is taken
     */
    public Operator create(String email, char[] password) {
        return create(prepare(email, password));
    }

    /**
     * A new operator, checked and with the password hashed, not yet stored. Hashing takes tens of
     * milliseconds, too long to hold the database's write lock: prepare first, then store and audit
     * in one transaction with {@link #create(NewOperator)}.
     */
    public NewOperator prepare(String email, char[] password) {
        String normalized = validated(email, password);
        return new NewOperator(normalized, passwords.hash(password));
    }

    public Operator create(NewOperator prepared) {
        return operators.create(prepared.email(), prepared.passwordHash(), clock.instant());
    }

    /** See {@link #prepare}. */
    public record NewOperator(String email, String passwordHash) {
        @Override
        public String toString() {
            return "NewOperator[" + email + "]";
        }
    }

    private String validated(String email, char[] password) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalized).matches() || normalized.length() > 254) {
            throw new InvalidAccount("email", "email must look like name@example.com");
        }
        if (password == null || password.length < PasswordHashes.MIN_LENGTH) {
            throw new InvalidAccount("password", "password must have at least " + PasswordHashes.MIN_LENGTH + " characters");
        }
        if (operators.findByEmail(normalized).isPresent()) throw new DuplicateOperator(normalized);
        return normalized;
    }

    /**
     * Checks a password.
     *
     * @throws TooManyAttempts  when this address or account failed too often lately
     * @throws NotAuthenticated when the email or password is wrong (the message does not say which)
     */
    public Operator login(String address, String email, char[] password) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        throttle.check(address, normalized);
        Optional<Operator> operator = operators.findByEmail(normalized);
        // Hash even for an unknown email, so timing does not tell which emails exist.
        boolean ok = operator.map(o -> passwords.verify(password, o.passwordHash()))
                .orElseGet(() -> passwords.verify(password, DUMMY) && false);
        if (!ok) {
            throttle.failed(address, normalized);
            throw new NotAuthenticated("wrong email or password");
        }
        throttle.succeeded(normalized);
        return operator.orElseThrow();
    }

    public Optional<Operator> find(String operatorId) {
        return operators.find(operatorId);
    }

    public java.util.List<Operator> all() {
        return operators.all();
    }

    /**
     * When no operator exists yet: makes a new one-time setup token, stores its hash and returns the
     * token to print once. Empty when an operator exists.
     */
    public Optional<String> issueSetupToken() {
        if (operators.count() > 0) return Optional.empty();
        String token = secrets.next(SETUP_PREFIX);
        operators.putSetupToken(SecretTokens.sha256(token), clock.instant());
        return Optional.of(token);
    }

    public boolean setupPending() {
        return operators.count() == 0 && operators.hasSetupToken();
    }

    /** @throws NotPermitted when an operator exists already: setup is only for the first one */
    public void requireSetupPending() {
        if (operators.count() > 0) {
            throw new NotPermitted("an operator exists already; ask them to add you, or use `noroshi admin create`");
        }
    }

    /**
     * Stores the first operator with the setup token, which is used up; call it inside a
     * transaction, so that a failure after the token is taken gives it back.
     *
     * @throws NotPermitted when the token is wrong, used, or an operator exists already
     */
    public Operator createFirst(String setupToken, NewOperator prepared) {
        requireSetupPending();
        if (setupToken == null || !operators.takeSetupToken(SecretTokens.sha256(setupToken.strip()))) {
            throw new NotPermitted("the setup token is wrong or used up; create an operator with `noroshi admin create`");
        }
        return create(prepared);
    }

    private static final String DUMMY = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
}
