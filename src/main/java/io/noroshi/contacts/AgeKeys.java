package io.noroshi.contacts;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * age's native X25519 keys: an identity ({@code AGE-SECRET-KEY-1...}, the private scalar) and
 * its recipient ({@code age1...}, the public point), both Bech32.
 */
public final class AgeKeys {

    static final String RECIPIENT_HRP = "age";
    static final String IDENTITY_HRP = "AGE-SECRET-KEY-";

    private AgeKeys() {
    }

    /** A public key to encrypt to. */
    public record Recipient(byte[] publicKey) {
        public String encoded() {
            return Bech32.encode(RECIPIENT_HRP, publicKey, false);
        }
    }

    /** A private key to decrypt with. */
    public record Identity(byte[] secretKey) {
        public String encoded() {
            return Bech32.encode(IDENTITY_HRP, secretKey, true);
        }

        public Recipient recipient() {
            byte[] pub = new byte[X25519.POINT_SIZE];
            X25519.generatePublicKey(secretKey, 0, pub, 0);
            return new Recipient(pub);
        }

        @Override
        public String toString() {
            return "Identity[" + recipient().encoded() + "]"; // never the secret
        }
    }

    public static Identity generate(SecureRandom random) {
        byte[] secret = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(random, secret);
        return new Identity(secret);
    }

    /** @throws AgeException naming what is wrong with {@code text} */
    public static Recipient recipient(String text) {
        Bech32.Decoded d = decode(text, "public key (age1...)");
        if (!d.hrp().equals(RECIPIENT_HRP) || d.data().length != X25519.POINT_SIZE) {
            throw new AgeException(AgeException.Stage.KEY, "'" + text + "' is not an age X25519 public key (age1 and 58 more characters)");
        }
        return new Recipient(d.data());
    }

    /** @throws AgeException naming what is wrong; never quotes the secret */
    public static Identity identity(String text) {
        Bech32.Decoded d = decode(text, "secret key (AGE-SECRET-KEY-1...)");
        if (!d.hrp().equals(IDENTITY_HRP.toLowerCase(java.util.Locale.ROOT)) || d.data().length != X25519.SCALAR_SIZE
                || !text.equals(text.toUpperCase(java.util.Locale.ROOT))) {
            throw new AgeException(AgeException.Stage.KEY, "not an age X25519 secret key (AGE-SECRET-KEY-1 in upper case)");
        }
        return new Identity(d.data());
    }

    /**
     * The identities of an identity file as {@code age-keygen} and {@code noroshi keys generate}
     * write it: one key a line, {@code #} comments and blank lines ignored.
     *
     * @param where how errors name the file
     */
    public static List<Identity> identities(String where, String fileText) {
        var out = new ArrayList<Identity>();
        String[] lines = fileText.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            try {
                out.add(identity(line));
            } catch (AgeException e) {
                throw new AgeException(AgeException.Stage.KEY, where + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        if (out.isEmpty()) throw new AgeException(AgeException.Stage.KEY, where + ": holds no AGE-SECRET-KEY-1 line");
        return out;
    }

    private static Bech32.Decoded decode(String text, String what) {
        try {
            return Bech32.decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new AgeException(AgeException.Stage.KEY, "not an age " + what + ": it " + e.getMessage());
        }
    }
}
