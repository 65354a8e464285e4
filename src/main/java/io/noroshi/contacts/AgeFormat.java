package io.noroshi.contacts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The age file format, version 1 (age-encryption.org/v1), binary (not armored), with X25519
 * recipients: files this writes decrypt with Debian's {@code age -d -i}, and files {@code age -r}
 * writes decrypt here. Written from the specification (C2SP age.md); checked against the C2SP
 * CCTV test vectors. Whole files in memory: a contacts bundle is small.
 */
public final class AgeFormat {

    static final String VERSION_LINE = "age-encryption.org/v1";
    private static final String X25519_LABEL = "age-encryption.org/v1/X25519";
    private static final int FILE_KEY_SIZE = 16;
    private static final int NONCE_SIZE = 16;
    private static final int CHUNK = 64 * 1024;
    private static final int TAG = 16;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private AgeFormat() {
    }

    /** Encrypts {@code plaintext} so that any one of {@code recipients} can decrypt it. */
    public static byte[] encrypt(byte[] plaintext, List<AgeKeys.Recipient> recipients, SecureRandom random) {
        if (recipients.isEmpty()) throw new IllegalArgumentException("at least one recipient");
        byte[] fileKey = new byte[FILE_KEY_SIZE];
        random.nextBytes(fileKey);
        var header = new StringBuilder(VERSION_LINE).append('\n');
        for (AgeKeys.Recipient r : recipients) {
            byte[] ephemeral = new byte[X25519.SCALAR_SIZE];
            X25519.generatePrivateKey(random, ephemeral);
            byte[] share = new byte[X25519.POINT_SIZE];
            X25519.generatePublicKey(ephemeral, 0, share, 0);
            byte[] shared = new byte[X25519.POINT_SIZE];
            if (!X25519.calculateAgreement(ephemeral, 0, r.publicKey(), 0, shared, 0)) {
                throw new IllegalArgumentException("recipient " + r.encoded() + " is a low-order point: not a usable key");
            }
            byte[] wrapKey = hkdf(shared, concat(share, r.publicKey()), X25519_LABEL, 32);
            byte[] body = aead(true, wrapKey, new byte[12], fileKey);
            header.append("-> X25519 ").append(B64.encodeToString(share)).append('\n');
            appendBody(header, body);
        }
        header.append("---");
        byte[] mac = hmac(hkdf(fileKey, new byte[0], "header", 32), header.toString().getBytes(StandardCharsets.US_ASCII));
        header.append(' ').append(B64.encodeToString(mac)).append('\n');

        var out = new ByteArrayOutputStream(plaintext.length + 256);
        out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
        byte[] nonce = new byte[NONCE_SIZE];
        random.nextBytes(nonce);
        out.writeBytes(nonce);
        byte[] payloadKey = hkdf(fileKey, nonce, "payload", 32);
        int chunks = Math.max(1, (plaintext.length + CHUNK - 1) / CHUNK);
        for (int i = 0; i < chunks; i++) {
            int from = i * CHUNK;
            byte[] chunk = Arrays.copyOfRange(plaintext, from, Math.min(plaintext.length, from + CHUNK));
            out.writeBytes(aead(true, payloadKey, chunkNonce(i, i == chunks - 1), chunk));
        }
        return out.toByteArray();
    }

    /**
     * Decrypts an age file with whichever of {@code identities} it was encrypted to.
     *
     * @throws AgeException saying whether the file is no age file, is for another key, or was altered
     */
    public static byte[] decrypt(byte[] file, List<AgeKeys.Identity> identities) {
        AgeHeader header = AgeHeader.parse(file);
        if (header.stanzas().size() > 1 && header.stanzas().stream().anyMatch(s -> s.args().getFirst().equals("scrypt"))) {
            throw new AgeException(AgeException.Stage.HEADER, "a passphrase (scrypt) stanza must be the only one in a file");
        }
        if (file.length - header.payloadStart() < NONCE_SIZE) {
            throw new AgeException(AgeException.Stage.HEADER, "the file is cut short: its payload nonce is missing");
        }
        byte[] fileKey = null;
        for (AgeHeader.Stanza stanza : header.stanzas()) {
            if (!stanza.args().getFirst().equals("X25519")) continue;
            byte[] share = x25519Share(stanza);
            for (AgeKeys.Identity identity : identities) {
                byte[] shared = new byte[X25519.POINT_SIZE];
                if (!X25519.calculateAgreement(identity.secretKey(), 0, share, 0, shared, 0)) {
                    throw new AgeException(AgeException.Stage.HEADER, "the file's X25519 share is a low-order point: the file is malformed");
                }
                byte[] wrapKey = hkdf(shared, concat(share, identity.recipient().publicKey()), X25519_LABEL, 32);
                try {
                    fileKey = aead(false, wrapKey, new byte[12], stanza.body());
                    break;
                } catch (AgeException notThisOne) {
                    // another identity or stanza may match
                }
            }
            if (fileKey != null) break;
        }
        if (fileKey == null) {
            throw new AgeException(AgeException.Stage.NO_MATCH,
                    "none of the given keys can decrypt this file: it was encrypted to other public keys (wrong identity file?)");
        }
        byte[] mac = hmac(hkdf(fileKey, new byte[0], "header", 32), header.macInput());
        if (!MessageDigest.isEqual(mac, header.mac())) {
            throw new AgeException(AgeException.Stage.HEADER_MAC, "the file's header has been altered (its MAC does not match): refusing it");
        }
        return payload(file, header.payloadStart(), fileKey);
    }

    private static byte[] x25519Share(AgeHeader.Stanza stanza) {
        if (stanza.args().size() != 2) throw new AgeException(AgeException.Stage.HEADER, "an X25519 stanza must have exactly one argument");
        byte[] share = AgeHeader.base64(stanza.args().get(1));
        if (share.length != X25519.POINT_SIZE) throw new AgeException(AgeException.Stage.HEADER, "an X25519 share must be 32 bytes");
        if (stanza.body().length != FILE_KEY_SIZE + TAG) throw new AgeException(AgeException.Stage.HEADER, "an X25519 stanza body must be 32 bytes");
        return share;
    }

    private static byte[] payload(byte[] file, int start, byte[] fileKey) {
        if (file.length - start < NONCE_SIZE) throw new AgeException(AgeException.Stage.HEADER, "the file is cut short: its payload nonce is missing");
        byte[] nonce = Arrays.copyOfRange(file, start, start + NONCE_SIZE);
        byte[] key = hkdf(fileKey, nonce, "payload", 32);
        int at = start + NONCE_SIZE;
        if (at == file.length) throw new AgeException(AgeException.Stage.PAYLOAD, "the file is cut short: it has no payload");
        var out = new ByteArrayOutputStream(file.length - at);
        for (int i = 0; at < file.length; i++) {
            int length = Math.min(CHUNK + TAG, file.length - at);
            boolean last = at + length == file.length;
            byte[] sealed = Arrays.copyOfRange(file, at, at + length);
            byte[] chunk;
            try {
                chunk = aead(false, key, chunkNonce(i, last), sealed);
            } catch (AgeException e) {
                throw new AgeException(AgeException.Stage.PAYLOAD, "the file's contents have been altered or cut short (chunk " + (i + 1)
                        + " does not authenticate): refusing it");
            }
            if (last && chunk.length == 0 && i > 0) {
                throw new AgeException(AgeException.Stage.PAYLOAD, "the file ends with an empty chunk: malformed");
            }
            out.writeBytes(chunk);
            at += length;
        }
        return out.toByteArray();
    }

    private static byte[] chunkNonce(long counter, boolean last) {
        byte[] nonce = new byte[12];
        for (int i = 0; i < 8; i++) nonce[10 - i] = (byte) (counter >>> (8 * i));
        nonce[11] = (byte) (last ? 1 : 0);
        return nonce;
    }

    private static void appendBody(StringBuilder header, byte[] body) {
        String encoded = B64.encodeToString(body);
        int i = 0;
        while (encoded.length() - i >= 64) {
            header.append(encoded, i, i + 64).append('\n');
            i += 64;
        }
        header.append(encoded, i, encoded.length()).append('\n');
    }

    static byte[] hkdf(byte[] ikm, byte[] salt, String info, int length) {
        var hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, salt, info.getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        var mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] aead(boolean encrypt, byte[] key, byte[] nonce, byte[] input) {
        var cipher = new ChaCha20Poly1305();
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int n = cipher.processBytes(input, 0, input.length, out, 0);
        try {
            n += cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new AgeException(AgeException.Stage.PAYLOAD, "authentication failed");
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
