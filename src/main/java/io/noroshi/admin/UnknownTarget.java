package io.noroshi.admin;

/** The incident, maintenance, component, token or operator named in the request does not exist (HTTP 404). */
public final class UnknownTarget extends RuntimeException {
    public UnknownTarget(String kind, String id) {
        super("no " + kind + " with id '" + id + "'");
    }
}
