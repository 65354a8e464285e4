package io.noroshi.account;

/**
 * Who made a change, as the audit log names them: an operator in the admin pages, an API token
 * (and its operator), or the local command line.
 *
 * @param operatorId the operator behind it, empty for the local command line
 * @param label      what the audit log shows, e.g. {@code alice@example.com} or {@code alice@example.com via token ci-bot}
 * @param scope      what it may do; sessions and the local command line have {@link Scope#ADMIN}
 */
public record Actor(String operatorId, String label, Scope scope) {

    public static Actor session(Operator operator) {
        return new Actor(operator.id(), operator.email(), Scope.ADMIN);
    }

    public static Actor token(Operator operator, ApiToken token) {
        return new Actor(operator.id(), operator.email() + " via token " + token.name(), token.scope());
    }

    public static Actor commandLine(String who) {
        return new Actor("", "command line (" + who + ")", Scope.ADMIN);
    }

    /** @throws NotPermitted when this actor's scope does not include {@code needed} */
    public void require(Scope needed) {
        if (!scope.allows(needed)) {
            throw new NotPermitted("this token has scope " + scope.wire() + "; this needs " + needed.wire());
        }
    }
}
