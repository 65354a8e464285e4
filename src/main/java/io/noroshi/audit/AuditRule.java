package io.noroshi.audit;

/**
 * Every rule the audit applies, with its stable id (used in JSON output and by CI scripts) and the
 * reference it rests on. Adding a rule means adding a constant here and the check that raises it.
 */
public enum AuditRule {
    DNS_DELEGATION_MISSING("dns.delegation.missing", "RFC 1034 section 4.2.2"),
    DNS_DELEGATION_NS_MISMATCH("dns.delegation.ns-mismatch", "RFC 1034 section 4.2.2"),
    DNS_NS_COUNT("dns.ns.count", "RFC 1034 section 4.1; RFC 2182 section 5; Zonemaster DELEGATION01"),
    DNS_NS_UNRESOLVABLE("dns.ns.unresolvable", "RFC 1034 section 4.1"),
    DNS_NS_GLUE_MISSING("dns.ns.glue-missing", "RFC 9471; RFC 1034 section 4.2.1"),
    DNS_NS_SHARED_ADDRESS("dns.ns.shared-address", "Zonemaster DELEGATION02"),
    DNS_NS_UNREACHABLE_UDP("dns.ns.unreachable-udp", "Zonemaster CONNECTIVITY01"),
    DNS_NS_UNREACHABLE_TCP("dns.ns.unreachable-tcp", "Zonemaster CONNECTIVITY02; RFC 7766 section 5"),
    DNS_NS_LAME("dns.ns.lame", "RFC 1912 section 2.8; Zonemaster DELEGATION04"),
    DNS_SOA_SERIAL_MISMATCH("dns.soa.serial-mismatch", "Zonemaster CONSISTENCY01"),
    DNS_NS_IPV4_ABSENT("dns.ns.ipv4-absent", "RFC 3901 section 3"),
    DNS_NS_IPV6_ABSENT("dns.ns.ipv6-absent", "RFC 3901 section 3"),
    DNS_NS_PREFIX_DIVERSITY("dns.ns.prefix-diversity", "Zonemaster CONNECTIVITY04; RFC 2182 section 3.1"),
    DNS_NS_AS_DIVERSITY("dns.ns.as-diversity", "Zonemaster CONNECTIVITY03; RFC 2182 section 3.1"),
    DNS_MX_ABSENT("dns.mx.absent", "RFC 5321 section 5.1"),
    DNS_MX_NULL("dns.mx.null", "RFC 7505"),
    DNS_MX_SINGLE("dns.mx.single", "RFC 5321 section 5.1"),
    DNS_MX_UNRESOLVABLE("dns.mx.unresolvable", "RFC 5321 section 5.1"),
    DNS_MX_PREFIX_DIVERSITY("dns.mx.prefix-diversity", "RFC 5321 section 5.1; RFC 2182 section 3.1"),
    DNS_MX_AS_DIVERSITY("dns.mx.as-diversity", "RFC 5321 section 5.1; RFC 2182 section 3.1"),
    DNS_WEB_SHARES_PREFIX("dns.web.shares-prefix", "RFC 2182 section 3.1"),
    DNS_WEB_SHARES_AS("dns.web.shares-as", "RFC 2182 section 3.1"),
    DNS_ASN_DB_ABSENT("dns.asn-db.absent", "Zonemaster CONNECTIVITY03"),

    INVENTORY_DNS_COLOCATED_WITH_WEB("inventory.dns-colocated-with-web", "RFC 2182 section 3.1"),
    INVENTORY_DNS_COLOCATED_WITH_MAIL("inventory.dns-colocated-with-mail", "RFC 2182 section 3.1"),
    INVENTORY_DNS_SINGLE_SITE("inventory.dns-single-site", "RFC 2182 section 3.1; RFC 1034 section 4.1"),
    INVENTORY_MX_SINGLE_SITE("inventory.mx-single-site", "RFC 5321 section 5.1"),
    INVENTORY_STATUS_PAGE_SHARES_SITE("inventory.status-page-shares-site", "Noroshi failure-domain audit"),
    INVENTORY_STATUS_PAGE_DNS_SHARES_SITE("inventory.status-page-dns-shares-site", "Noroshi failure-domain audit"),
    INVENTORY_STATUS_PAGE_DEPENDS_ON_REPORTED("inventory.status-page-depends-on-reported", "Noroshi failure-domain audit"),
    INVENTORY_STATUS_PAGE_MISSING("inventory.status-page-missing", "Noroshi failure-domain audit"),
    INVENTORY_NOTIFY_SHARES_SITE("inventory.notify-shares-site", "Noroshi failure-domain audit"),
    INVENTORY_NOTIFY_DEPENDS_ON_REPORTED("inventory.notify-depends-on-reported", "Noroshi failure-domain audit"),
    INVENTORY_NOTIFY_MISSING("inventory.notify-missing", "Noroshi failure-domain audit"),
    INVENTORY_CONTACTS_SHARES_SITE("inventory.contacts-shares-site", "Noroshi failure-domain audit"),
    INVENTORY_CONTACTS_DEPENDS_ON_REPORTED("inventory.contacts-depends-on-reported", "Noroshi failure-domain audit"),
    INVENTORY_CONTACTS_MISSING("inventory.contacts-missing", "Noroshi failure-domain audit"),
    INVENTORY_MONITORING_SHARES_SITE("inventory.monitoring-shares-site", "Noroshi failure-domain audit"),
    INVENTORY_VANTAGE_QUORUM("inventory.vantage-quorum", "Noroshi failure-domain audit (quorum of vantage points)"),
    INVENTORY_VANTAGE_POINTS_MISSING("inventory.vantage-points-missing", "Noroshi failure-domain audit");

    private final String id;
    private final String reference;

    AuditRule(String id, String reference) {
        this.id = id;
        this.reference = reference;
    }

    public String id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    /** The rule with this stable id; empty for an id no longer (or not yet) known, e.g. in stored findings. */
    public static java.util.Optional<AuditRule> byId(String id) {
        for (AuditRule rule : values()) {
            if (rule.id.equals(id)) return java.util.Optional.of(rule);
        }
        return java.util.Optional.empty();
    }

    public Finding finding(Severity severity, String message, java.util.List<String> evidence) {
        return new Finding(this, severity, message, evidence);
    }
}
