package io.noroshi.config;

import java.util.List;

/**
 * Something the operator runs: authoritative DNS, a web server, a mail relay, a database, or the
 * communication path itself (the status page, the notification relay, the contact store).
 *
 * @param endpoints where it runs; each endpoint names its site
 * @param dependsOn ids of services this one needs to work (web depends on dns and database)
 */
public record Service(String id, Text name, ServiceKind kind, List<Endpoint> endpoints, List<String> dependsOn) {

    public Service {
        endpoints = List.copyOf(endpoints);
        dependsOn = List.copyOf(dependsOn);
    }

    /**
     * One place a service runs.
     *
     * @param host        a host name, may be empty when only an address is known
     * @param address     an IPv4 or IPv6 address, may be empty when only a host name is known
     * @param site        the id of the site it runs in
     * @param sharedParts ids of the site's shared parts it uses (a SAN volume)
     */
    public record Endpoint(String host, String address, String site, List<String> sharedParts) {
        public Endpoint {
            host = host == null ? "" : host;
            address = address == null ? "" : address;
            sharedParts = List.copyOf(sharedParts);
        }

        /** The host name if given, else the address. */
        public String label() {
            return host.isEmpty() ? address : host;
        }
    }

    public enum ServiceKind {
        DNS, WEB, MAIL, DATABASE, API, STATUS, NOTIFY, CONTACTS, MONITORING, OTHER
    }
}
