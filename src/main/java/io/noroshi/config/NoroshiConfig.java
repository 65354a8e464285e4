package io.noroshi.config;

import java.util.List;
import java.util.Optional;

/**
 * The whole of {@code noroshi.yaml}, validated: every reference between sections resolves.
 * Immutable; a changed file is a new instance.
 */
public record NoroshiConfig(PageSettings page, List<Site> sites, List<Service> services,
                            List<Component.Group> componentGroups, List<Component> components,
                            List<VantagePoint> vantagePoints, List<Monitor> monitors, MonitoringSettings monitoring,
                            AuditSettings audit, io.noroshi.notify.NotificationSettings notifications,
                            io.noroshi.comms.CommunicationSettings communication, MirrorSettings mirrors) {

    public NoroshiConfig {
        sites = List.copyOf(sites);
        services = List.copyOf(services);
        componentGroups = List.copyOf(componentGroups);
        components = List.copyOf(components);
        vantagePoints = List.copyOf(vantagePoints);
        monitors = List.copyOf(monitors);
        java.util.Objects.requireNonNull(audit, "audit");
        java.util.Objects.requireNonNull(notifications, "notifications");
        java.util.Objects.requireNonNull(communication, "communication");
        java.util.Objects.requireNonNull(mirrors, "mirrors");
    }

    /** A config without the {@code notifications:}, {@code communication:} and {@code mirrors:} sections. */
    public NoroshiConfig(PageSettings page, List<Site> sites, List<Service> services, List<Component.Group> componentGroups,
                         List<Component> components, List<VantagePoint> vantagePoints, List<Monitor> monitors, MonitoringSettings monitoring,
                         AuditSettings audit) {
        this(page, sites, services, componentGroups, components, vantagePoints, monitors, monitoring, audit,
                io.noroshi.notify.NotificationSettings.none(), io.noroshi.comms.CommunicationSettings.none(), MirrorSettings.none());
    }

    /** A config without the {@code audit:} section, as code that builds one by hand writes it. */
    public NoroshiConfig(PageSettings page, List<Site> sites, List<Service> services, List<Component.Group> componentGroups,
                         List<Component> components, List<VantagePoint> vantagePoints, List<Monitor> monitors, MonitoringSettings monitoring) {
        this(page, sites, services, componentGroups, components, vantagePoints, monitors, monitoring, AuditSettings.none());
    }

    public Optional<Site> site(String id) {
        return sites.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Service> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Component> component(String id) {
        return components.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
