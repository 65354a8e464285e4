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
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + length;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + network.length + " bytes", e);
        }
    }

    /** A map key for a masked network: its length and bytes. */
    static String key(byte[] network, int length) {
        return length + "/" + java.util.HexFormat.of().formatHex(network);
    }
}
