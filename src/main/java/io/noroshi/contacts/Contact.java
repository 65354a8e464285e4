package io.noroshi.contacts;

/**
 * One person to reach when the hub is gone: an on-call responder or a subscriber. Empty strings
 * for what is not known.
 *
 * @param kind "on-call" or "subscriber"
 */
public record Contact(String kind, String name, String role, String email, String phone) {
}
