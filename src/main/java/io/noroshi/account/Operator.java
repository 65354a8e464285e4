package io.noroshi.account;

import java.time.Instant;

/**
 * A person who runs incidents. {@code passwordHash} is a PHC string (argon2id, or bcrypt when
 * imported); it never leaves the hub and is left out of {@link #toString()}.
 */
public record Operator(String id, String email, String passwordHash, Instant createdAt) {
    @Override
    public String toString() {
        return "Operator[id=" + id + ", email=" + email + "]";
    }
}
