package io.noroshi.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Checks IP address literals in the config without asking DNS: {@code 192.0.2.999} is refused
 * where it is written, not found out at the first probe.
 */
final class AddressLiterals {

    private AddressLiterals() {
    }

    /** What is wrong with {@code text} as an IP address (IPv4 dotted quad or IPv6), if anything. */
    static Optional<String> problemWithAddress(String text) {
        if (text.contains(":")) {
            try {
                // A literal with a colon is parsed, never looked up.
                InetAddress.getByName(text.startsWith("[") ? text : "[" + text + "]");
                return Optional.empty();
            } catch (UnknownHostException | IllegalArgumentException e) {
                return Optional.of("'" + text + "' is not an IPv6 address");
            }
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) return Optional.of("'" + text + "' is not an IP address; write four numbers 0-255, e.g. 192.0.2.53");
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return Optional.of("'" + text + "' is not an IP address: '" + part + "' is not a number from 0 to 255");
            }
        }
        return Optional.empty();
    }

    /** A host name made only of digits and dots is meant as an IPv4 address: what is wrong with it, if anything. */
    static Optional<String> problemWithHost(String text) {
        if (text.matches("[0-9.]+") || text.contains(":")) return problemWithAddress(text);
        return Optional.empty();
    }
}
