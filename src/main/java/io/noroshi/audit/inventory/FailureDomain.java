package io.noroshi.audit.inventory;

import io.noroshi.config.Site;

/** Something that can fail as one: a site (with every site inside it) or a shared part within a site. */
public sealed interface FailureDomain {

    /** The id as written in {@code noroshi.yaml}: a site id or a shared part id. */
    String id();

    /** The name a person reads, in English where given. */
    String name();

    /** {@code site} or {@code shared-part}, as JSON and text output say it. */
    String kind();

    record SiteFailure(Site site) implements FailureDomain {
        public String id() {
            return site.id();
        }

        public String name() {
            return site.name().in("en");
        }

        public String kind() {
            return "site";
        }
    }

    record PartFailure(Site site, Site.SharedPart part) implements FailureDomain {
        public String id() {
            return part.id();
        }

        public String name() {
            return part.name().in("en") + " in " + site.name().in("en");
        }

        public String kind() {
            return "shared-part";
        }
    }
}
