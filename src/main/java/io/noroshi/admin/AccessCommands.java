package io.noroshi.admin;

import io.noroshi.account.Accounts;
import io.noroshi.account.Actor;
import io.noroshi.account.ApiToken;
import io.noroshi.account.ApiTokens;
import io.noroshi.account.IssuedToken;
import io.noroshi.account.NotPermitted;
import io.noroshi.account.Operator;
import io.noroshi.account.Scope;
import io.noroshi.storage.AllOrNothing;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Who may use the hub: operators and API tokens, each change in the audit log (never a secret).
 * Every change and its entry commit together; a new operator's password is hashed before the
 * transaction (tens of milliseconds, too long to hold the database's write lock).
 */
public final class AccessCommands {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final AuditTrail audit;
    private final AllOrNothing transaction;

    public AccessCommands(Accounts accounts, ApiTokens tokens, AuditTrail audit, AllOrNothing transaction) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** A token for the actor's operator; a token cannot mint one with more power than itself. */
    public IssuedToken issueToken(Actor actor, String name, Scope scope) {
        actor.require(Scope.ADMIN);
        if (!actor.scope().allows(scope)) throw new NotPermitted("cannot create a token with more scope than your own");
        if (actor.operatorId().isEmpty()) throw new NotPermitted("a token must belong to an operator");
        return audit.together(transaction, actor, () -> tokens.issue(actor.operatorId(), name, scope),
                issued -> new AuditTrail.Entry("token.create", "token/" + issued.token().id(), null, AdminJson.token(issued.token())));
    }

    public ApiToken revokeToken(Actor actor, String id) {
        actor.require(Scope.ADMIN);
        ApiToken before = tokens.find(id).orElseThrow(() -> new UnknownTarget("token", id));
        return audit.together(transaction, actor, () -> {
            if (!tokens.revoke(id)) throw new InvalidTransition("token " + id + " is revoked already");
            return tokens.find(id).orElseThrow();
        }, after -> new AuditTrail.Entry("token.revoke", "token/" + id, AdminJson.token(before), AdminJson.token(after)));
    }

    public List<ApiToken> tokens(Actor actor) {
        actor.require(Scope.ADMIN);
        return tokens.all();
    }

    public Operator createOperator(Actor actor, String email, char[] password) {
        actor.require(Scope.ADMIN);
        var prepared = accounts.prepare(email, password);
        return audit.together(transaction, actor, () -> accounts.create(prepared),
                created -> new AuditTrail.Entry("operator.create", "operator/" + created.id(), null, AdminJson.operator(created)));
    }

    public List<Operator> operators(Actor actor) {
        actor.require(Scope.READ);
        return accounts.all();
    }

    /**
     * Creates the first operator with the one-time setup token and starts its session: the token,
     * the operator, the session and the entry are stored together or not at all.
     */
    public Operator setup(String setupToken, String email, char[] password, Consumer<Operator> startSession) {
        accounts.requireSetupPending();
        var prepared = accounts.prepare(email, password);
        return transaction.together(() -> {
            Operator created = accounts.createFirst(setupToken, prepared);
            startSession.accept(created);
            var entry = sessionEntry("operator.setup", created);
            audit.record(Actor.session(created), entry.action(), entry.target(), entry.before(), entry.after());
            return created;
        });
    }

    /**
     * Starts or ends a session ({@code change}) and records it (no password, no session id), in one
     * transaction: a login is stored with its entry or not at all.
     */
    public void session(Operator operator, String action, Runnable change) {
        audit.together(transaction, Actor.session(operator), () -> {
            change.run();
            return operator;
        }, o -> sessionEntry(action, o));
    }

    /** A session's entry names the operator by email, never by password or session id. */
    private static AuditTrail.Entry sessionEntry(String action, Operator operator) {
        return new AuditTrail.Entry(action, "operator/" + operator.id(), null, Map.of("email", operator.email()));
    }
}
