package io.noroshi.audit.inventory;

import io.noroshi.config.ConfigLoader;
import io.noroshi.config.NoroshiConfig;

/** Inventories the tests audit, as an operator would write them. */
final class Inventories {

    private Inventories() {
    }

    /** The provider of the story: DNS, web, mail, customer list and status page in one data center, on one SAN. */
    static final String STORY = """
            page: {name: Story Hosting}
            sites:
              - id: dc1
                name: Main data center
                shared_parts:
                  - {id: san, name: Storage array}
            services:
              - id: dns
                kind: dns
                endpoints:
                  - {host: ns1.story.example, address: 192.0.2.53, site: dc1, shared_parts: [san]}
                  - {host: ns2.story.example, address: 192.0.2.54, site: dc1, shared_parts: [san]}
              - id: web
                kind: web
                endpoints: [{host: www.story.example, site: dc1, shared_parts: [san]}]
                depends_on: [dns]
              - id: mail
                kind: mail
                endpoints: [{host: mx.story.example, site: dc1, shared_parts: [san]}]
                depends_on: [dns]
              - id: customers
                kind: contacts
                endpoints: [{host: crm.story.example, site: dc1, shared_parts: [san]}]
              - id: status
                kind: status
                endpoints: [{host: status.story.example, site: dc1, shared_parts: [san]}]
                depends_on: [dns]
              - id: monitor
                kind: monitoring
                endpoints: [{host: mon.story.example, site: dc1}]
            """;

    /** DNS and mail in two providers, the communication path in its own clouds, three vantage points. */
    static final String WELL_SPLIT = """
            page: {name: Split Hosting}
            sites:
              - {id: provider-a, kind: provider}
              - {id: provider-b, kind: provider}
              - {id: tokyo, parent: provider-a, shared_parts: [{id: san-tokyo}]}
              - {id: osaka, parent: provider-b}
              - {id: status-cloud, kind: cloud}
              - {id: mon-eu, kind: cloud}
              - {id: mon-us, kind: cloud}
              - {id: mon-ap, kind: cloud}
            services:
              - id: dns
                kind: dns
                endpoints:
                  - {host: ns1.split.example, site: tokyo}
                  - {host: ns2.split.example, site: osaka}
              - id: web
                kind: web
                endpoints: [{host: www.split.example, site: tokyo, shared_parts: [san-tokyo]}]
                depends_on: [dns]
              - id: mail
                kind: mail
                endpoints:
                  - {host: mx1.split.example, site: tokyo}
                  - {host: mx2.split.example, site: osaka}
                depends_on: [dns]
              - id: status-dns
                kind: dns
                endpoints: [{host: ns.status-dns.example, site: status-cloud}]
              - id: status
                kind: status
                endpoints: [{host: status.split.example, site: status-cloud}]
                depends_on: [status-dns]
              - id: relay
                kind: notify
                endpoints: [{host: relay.split.example, site: status-cloud}]
                depends_on: [status-dns]
              - id: contacts
                kind: contacts
                endpoints: [{host: bundle.split.example, site: status-cloud}]
              - id: monitor
                kind: monitoring
                endpoints:
                  - {host: eu.mon.example, site: mon-eu}
                  - {host: us.mon.example, site: mon-us}
                  - {host: ap.mon.example, site: mon-ap}
            """;

    static NoroshiConfig parse(String yaml) {
        return new ConfigLoader().parse("test.yaml", yaml);
    }
}
