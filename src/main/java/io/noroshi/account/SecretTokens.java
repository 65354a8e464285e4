package io.noroshi.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (API tokens, session ids, CSRF and setup tokens) and their SHA-256. A token of 32
 * random bytes needs no slow hash: nobody can guess it, so a fast digest is enough to make a stolen
 * table useless.
 */
public final class SecretTokens {

    /** Random bytes in every secret. */
    public static final int BYTES = 32;

    private final SecureRandom random;

    public SecretTokens(SecureRandom random) {
        this.random = random;
    }

    public SecretTokens() {
        this(new SecureRandom());
    }

    /** {@code prefix} followed by 32 random bytes in unpadded base64url (43 characters). */
    public String next(String prefix) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes. */
    public static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    /** Compares in time independent of where they differ; an empty or missing value never matches. */
    public static boolean same(String a, String b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
