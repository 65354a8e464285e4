package io.noroshi.probe.http;

/** The request methods an HTTP probe may send ({@code method:} in the YAML). */
public enum HttpMethod {
    GET,
    /** Headers only: cheapest, but body keywords cannot be checked. */
    HEAD,
    /** For health endpoints that only answer POST; sends {@code body} as given. */
    POST
}
