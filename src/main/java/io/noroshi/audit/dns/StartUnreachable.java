package io.noroshi.audit.dns;

/** A live audit run that cannot tell anything: where it starts (the root servers or the resolver) did not answer. */
public final class StartUnreachable extends RuntimeException {
    public StartUnreachable(String message) {
        super(message);
    }
}
