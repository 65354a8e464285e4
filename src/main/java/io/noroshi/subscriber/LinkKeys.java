package io.noroshi.subscriber;

import io.noroshi.storage.Database;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens in subscribers' links and the webhook subscribers' signing secrets. None of them is stored: each is
 * an HMAC, under one hub-wide key, of what it stands for (the subscriber, its generation, an expiry), and is
 * checked by computing it again. The key is made once and kept in the database, so every hub on one PostgreSQL
 * makes and accepts the same links.
 */
public final class LinkKeys {

    /** How long a confirmation link works. */
    public static final Duration CONFIRM_FOR = Duration.ofHours(24);
    private static final String KEY_NAME = "subscriber_links";

    private final ThreadLocal<Mac> macs;

    LinkKeys(byte[] key) {
        byte[] copy = key.clone();
        // One Mac per thread: looking one up for every link of a 100,000-subscriber fan-out costs more than the HMAC.
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(copy, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
            }
        });
    }

    /** The database's key, made on first use. */
    public static LinkKeys of(Database database) {
        String stored = database.write(h -> {
            Optional<String> found = h.createQuery("SELECT key_value FROM notify_keys WHERE name = :n").bind("n", KEY_NAME)
                    .mapTo(String.class).findOne();
            if (found.isPresent()) return found.get();
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            String value = HexFormat.of().formatHex(fresh);
            h.createUpdate("INSERT INTO notify_keys (name, key_value) VALUES (:n, :v)").bind("n", KEY_NAME).bind("v", value).execute();
            return value;
        });
        return new LinkKeys(HexFormat.of().parseHex(stored));
    }

    public String manageToken(String id, int generation) {
        return "m." + id + "." + generation + "." + mac("manage|" + id + "|" + generation);
    }

    /** A confirmation token that works until {@link #CONFIRM_FOR} after {@code requested}. */
    public String confirmToken(String id, int generation, Instant requested) {
        long expires = requested.plus(CONFIRM_FOR).getEpochSecond();
        return "c." + id + "." + generation + "." + expires + "." + mac("confirm|" + id + "|" + generation + "|" + expires);
    }

    /** The subscriber id a manage token stands for, when its MAC is right; the generation is checked by the caller. */
    public Optional<Token> readManage(String token) {
        String[] p = token == null ? new String[0] : token.split("\\.");
        if (p.length != 4 || !p[0].equals("m")) return Optional.empty();
        if (!same(p[3], mac("manage|" + p[1] + "|" + p[2]))) return Optional.empty();
        return generation(p[2]).map(g -> new Token(p[1], g, Optional.empty()));
    }

    public Optional<Token> readConfirm(String token) {
        String[] p = token == null ? new String[0] : token.split("\\.");
        if (p.length != 5 || !p[0].equals("c")) return Optional.empty();
        if (!same(p[4], mac("confirm|" + p[1] + "|" + p[2] + "|" + p[3]))) return Optional.empty();
        try {
            Instant expires = Instant.ofEpochSecond(Long.parseLong(p[3]));
            return generation(p[2]).map(g -> new Token(p[1], g, Optional.of(expires)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A webhook subscriber's signing secret: the same for the same URL, unknowable without the hub's key. */
    public String webhookSecret(String url) {
        return "whsec_" + mac("webhook|" + url);
    }

    public record Token(String subscriberId, int generation, Optional<Instant> expires) {
    }

    private static Optional<Integer> generation(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
