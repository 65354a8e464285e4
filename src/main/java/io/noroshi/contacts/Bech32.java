package io.noroshi.contacts;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Bech32 (BIP 173 checksum, not Bech32m) as age uses it for keys: any length, one case only.
 * Encodes 8-bit data regrouped into 5-bit words.
 */
final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private Bech32() {
    }

    /** A decoded string: its human-readable part (lower case) and its data bytes. */
    record Decoded(String hrp, byte[] data) {
    }

    static String encode(String hrp, byte[] data, boolean upper) {
        String lower = hrp.toLowerCase(Locale.ROOT);
        byte[] words = regroup(data, 8, 5, true);
        byte[] checksum = checksum(lower, words);
        var out = new StringBuilder(lower).append('1');
        for (byte w : words) out.append(CHARSET.charAt(w));
        for (byte w : checksum) out.append(CHARSET.charAt(w));
        String s = out.toString();
        return upper ? s.toUpperCase(Locale.ROOT) : s;
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code text} */
    static Decoded decode(String text) {
        if (!text.equals(text.toLowerCase(Locale.ROOT)) && !text.equals(text.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("mixes upper and lower case");
        }
        String s = text.toLowerCase(Locale.ROOT);
        int sep = s.lastIndexOf('1');
        if (sep < 1 || sep + 7 > s.length()) throw new IllegalArgumentException("has no Bech32 separator and checksum");
        String hrp = s.substring(0, sep);
        for (char c : hrp.toCharArray()) {
            if (c < 33 || c > 126) throw new IllegalArgumentException("has a character outside ASCII in its prefix");
        }
        byte[] words = new byte[s.length() - sep - 1];
        for (int i = 0; i < words.length; i++) {
            int v = CHARSET.indexOf(s.charAt(sep + 1 + i));
            if (v < 0) throw new IllegalArgumentException("has the character '" + s.charAt(sep + 1 + i) + "', which Bech32 does not use");
            words[i] = (byte) v;
        }
        if (polymod(expand(hrp), words) != 1) throw new IllegalArgumentException("has a wrong checksum (mistyped or cut short?)");
        byte[] data = new byte[words.length - 6];
        System.arraycopy(words, 0, data, 0, data.length);
        return new Decoded(hrp, regroup(data, 5, 8, false));
    }

    private static byte[] checksum(String hrp, byte[] words) {
        byte[] withZeros = new byte[words.length + 6];
        System.arraycopy(words, 0, withZeros, 0, words.length);
        int mod = polymod(expand(hrp), withZeros) ^ 1;
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) out[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
        return out;
    }

    private static byte[] expand(String hrp) {
        byte[] out = new byte[hrp.length() * 2 + 1];
        for (int i = 0; i < hrp.length(); i++) {
            out[i] = (byte) (hrp.charAt(i) >> 5);
            out[i + hrp.length() + 1] = (byte) (hrp.charAt(i) & 31);
        }
        return out;
    }

    private static int polymod(byte[] hrp, byte[] words) {
        int chk = 1;
        for (byte[] part : new byte[][] {hrp, words}) {
            for (byte v : part) {
                int top = chk >>> 25;
                chk = ((chk & 0x1ffffff) << 5) ^ v;
                for (int i = 0; i < 5; i++) if (((top >>> i) & 1) != 0) chk ^= GENERATOR[i];
            }
        }
        return chk;
    }

    private static byte[] regroup(byte[] in, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int max = (1 << to) - 1;
        var out = new ByteArrayOutputStream();
        for (byte b : in) {
            int v = b & 0xff;
            acc = (acc << from) | v;
            bits += from;
            while (bits >= to) {
                bits -= to;
                out.write((acc >>> bits) & max);
            }
        }
        if (pad) {
            if (bits > 0) out.write((acc << (to - bits)) & max);
        } else if (bits >= from || ((acc << (to - bits)) & max) != 0) {
            throw new IllegalArgumentException("has padding bits that are not zero");
        }
        return out.toByteArray();
    }
}
