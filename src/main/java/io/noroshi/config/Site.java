package io.noroshi.config;

import java.util.List;
import java.util.Optional;

/**
 * A failure domain: a data center, a provider, a region, an office. Sites nest through
 * {@code parent} (a data center inside a provider), and a site may hold shared parts (a storage
 * array, a power feed, an uplink) that several hosts in it depend on.
 */
public record Site(String id, Text name, SiteKind kind, Optional<String> parent, List<SharedPart> sharedParts) {

    public Site {
        sharedParts = List.copyOf(sharedParts);
    }

    /** A part inside a site that several endpoints share, so that its failure takes them all. */
    public record SharedPart(String id, Text name) {
    }

    public enum SiteKind {
        DATACENTER, PROVIDER, REGION, CLOUD, OFFICE, OTHER
    }
}
