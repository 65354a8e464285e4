package io.noroshi.audit.network;

import java.util.Optional;

/**
 * Where an address sits in the routing system.
 *
 * @param prefix the routed prefix holding the address, e.g. {@code 192.0.2.0/24}
 * @param origin the origin AS as {@code AS64496}, empty when unknown (no ASN database): never guessed
 */
public record Network(String prefix, Optional<String> origin) {
}
