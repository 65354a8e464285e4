package io.noroshi.audit.inventory;

import io.noroshi.config.MirrorSettings;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Service;
import io.noroshi.config.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors as the inventory audit sees them: each mirror is a status page in its own site (and,
 * when the contacts bundle is published, a contact store), so the status-page and contact-store
 * rules and every blast radius count it. Its {@code depends_on} (its DNS) is followed like a service's.
 */
final class MirrorServices {

    static final String PREFIX = "mirror:";
    static final String CONTACTS_PREFIX = "mirror-contacts:";

    private MirrorServices() {
    }

    /** {@code config} with a service for every mirror; the same config when it has no mirrors. */
    static NoroshiConfig include(NoroshiConfig config) {
        MirrorSettings mirrors = config.mirrors();
        if (mirrors.targets().isEmpty()) return config;
        var services = new ArrayList<>(config.services());
        boolean bundle = !mirrors.bundle().recipients().isEmpty();
        for (MirrorSettings.Target t : mirrors.targets()) {
            var endpoint = new Service.Endpoint(t.id(), "", t.site(), List.of());
            services.add(new Service(PREFIX + t.id(), Text.of("mirror " + t.id()), Service.ServiceKind.STATUS, List.of(endpoint), t.dependsOn()));
            if (bundle) {
                services.add(new Service(CONTACTS_PREFIX + t.id(), Text.of("contacts bundle on mirror " + t.id()), Service.ServiceKind.CONTACTS,
                        List.of(endpoint), t.dependsOn()));
            }
        }
        return new NoroshiConfig(config.page(), config.sites(), services, config.componentGroups(), config.components(),
                config.vantagePoints(), config.monitors(), config.monitoring(), config.audit(), config.notifications(), config.communication(), mirrors);
    }
}
