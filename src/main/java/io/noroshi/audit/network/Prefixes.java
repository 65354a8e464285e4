package io.noroshi.audit.network;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Bit arithmetic on address bytes shared by the network maps. */
final class Prefixes {

    private Prefixes() {
    }

    static byte[] mask(byte[] address, int length) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.clamp(length - i * 8L, 0, 8);
            masked[i] = (byte) (masked[i] & (0xff << (8 - keep)));
        }
        return masked;
    }

    static String format(byte[] network, int length) {
        return text(network) + "/" + length;
    }

    /** An address as people write it: dotted IPv4, or IPv6 with the longest run of zero groups as "::" (RFC 5952). */
    static String text(byte[] address) {
        if (address.length == 4) {
            try {
                return InetAddress.getByAddress(address).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        int bestStart = -1, bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        var out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') out.append(':');
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /** A map key for a masked network: its length and bytes. */
    static String key(byte[] network, int length) {
        return length + "/" + java.util.HexFormat.of().formatHex(network);
    }
}
