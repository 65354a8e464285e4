package io.noroshi.admin;

import io.noroshi.account.Accounts;
import io.noroshi.account.Actor;
import io.noroshi.account.ApiToken;
import io.noroshi.account.ApiTokens;
import io.noroshi.account.IssuedToken;
import io.noroshi.account.NotPermitted;
import io.noroshi.account.Operator;
import io.noroshi.account.Scope;
import java.util.List;
import java.util.Map;

/** Who may use the hub: operators and API tokens, each change in the audit log (never a secret). */
public final class AccessCommands {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final AuditTrail audit;

    public AccessCommands(Accounts accounts, ApiTokens tokens, AuditTrail audit) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** A token for the actor's operator; a token cannot mint one with more power than itself. */
    public IssuedToken issueToken(Actor actor, String name, Scope scope) {
        actor.require(Scope.ADMIN);
        if (!actor.scope().allows(scope)) throw new NotPermitted("cannot create a token with more scope than your own");
        if (actor.operatorId().isEmpty()) throw new NotPermitted("a token must belong to an operator");
        IssuedToken issued = tokens.issue(actor.operatorId(), name, scope);
        audit.record(actor, "token.create", "token/" + issued.token().id(), null, AdminJson.token(issued.token()));
        return issued;
    }

    public ApiToken revokeToken(Actor actor, String id) {
        actor.require(Scope.ADMIN);
        ApiToken before = tokens.find(id).orElseThrow(() -> new UnknownTarget("token", id));
        if (!tokens.revoke(id)) throw new InvalidTransition("token " + id + " is revoked already");
        ApiToken after = tokens.find(id).orElseThrow();
        audit.record(actor, "token.revoke", "token/" + id, AdminJson.token(before), AdminJson.token(after));
        return after;
    }

    public List<ApiToken> tokens(Actor actor) {
        actor.require(Scope.ADMIN);
        return tokens.all();
    }

    public Operator createOperator(Actor actor, String email, char[] password) {
        actor.require(Scope.ADMIN);
        Operator created = accounts.create(email, password);
        audit.record(actor, "operator.create", "operator/" + created.id(), null, AdminJson.operator(created));
        return created;
    }

    public List<Operator> operators(Actor actor) {
        actor.require(Scope.READ);
        return accounts.all();
    }

    /** Records a login or logout (no password, no session id). */
    public void recordSession(Operator operator, String action) {
        audit.record(Actor.session(operator), action, "operator/" + operator.id(), null, Map.of("email", operator.email()));
    }
}
