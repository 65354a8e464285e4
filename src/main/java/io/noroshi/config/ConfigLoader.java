package io.noroshi.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code noroshi.yaml} into a {@link NoroshiConfig}. Syntax, shape, unknown keys and
 * references between sections are all checked; every problem is reported at once through a
 * {@link ConfigException}, each naming the file, line and key.
 */
public final class ConfigLoader {

    private final java.util.function.UnaryOperator<String> environment;

    /** Secrets given as {@code <key>_env} are read from the process environment. */
    public ConfigLoader() {
        this(System::getenv);
    }

    /** @param environment looks up the variables named by {@code <key>_env} secrets */
    public ConfigLoader(java.util.function.UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** Loads and validates a file; {@link ConfigException} lists every problem. */
    public NoroshiConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), 0, "", "cannot read: " + e.getMessage())));
        }
        return parse(file.toString(), text);
    }

    /** Parses YAML text; {@code name} is how problems refer to it. */
    public NoroshiConfig parse(String name, String yaml) {
        var problems = new ConfigProblems(name);
        Node root;
        try (Reader reader = new StringReader(yaml)) {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // YamlSection reports duplicates with their line
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(List.of(new ConfigProblem(name, line, "", "not valid YAML: " + e.getProblem())));
        } catch (Exception e) {
            throw new ConfigException(List.of(new ConfigProblem(name, 0, "", "not valid YAML: " + e.getMessage())));
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new ConfigException(List.of(new ConfigProblem(name, root == null ? 0 : ConfigProblems.line(root), "",
                    "expected a mapping with the sections page, sites, services, component_groups, components")));
        }
        var top = new YamlSection(mapping, "", problems);
        var references = new ConfigReferences(problems);
        PageSettings page = top.section("page").map(ConfigLoader::page).orElseGet(() -> {
            top.problem("page", "is required (at least page.name)");
            return new PageSettings("page", "", PageSettings.DEFAULT_URL, PageSettings.DEFAULT_TIME_ZONE, List.of("en"), "en", Text.EMPTY);
        });
        List<Site> sites = top.list("sites", s -> site(s, references));
        List<Service> services = top.list("services", s -> service(s, references));
        List<Component.Group> groups = top.list("component_groups", s -> group(s, references));
        List<Component> components = top.list("components", s -> component(s, references));
        MonitorsSection.Read watched = MonitorsSection.read(top, references);
        AuditSettings audit = AuditSection.read(top);
        var notifications = NotificationsSection.read(top, components.stream().map(Component::id).toList(),
                sites.stream().map(Site::id).toList(), environment);
        services = java.util.stream.Stream.concat(services.stream(), NotificationsSection.channelServices(notifications).stream()).toList();
        var communication = CommunicationSection.read(top, components, notifications.channels().stream().map(c -> c.name()).toList());
        MirrorSettings mirrors = MirrorsSection.read(top, references);
        top.finish();
        references.check(sites, services);
        if (!problems.isEmpty()) throw new ConfigException(problems.sorted());
        return new NoroshiConfig(page, sites, services, groups, components, watched.vantagePoints(), watched.monitors(),
                watched.monitoring(), audit, notifications, communication, mirrors);
    }

    private static PageSettings page(YamlSection s) {
        String name = s.requiredString("name");
        String id = s.string("id").orElse(slug(name));
        URI url = s.string("url").flatMap(u -> uri(s, u)).orElse(PageSettings.DEFAULT_URL);
        ZoneId zone = s.string("time_zone").flatMap(z -> zone(s, z)).orElse(PageSettings.DEFAULT_TIME_ZONE);
        List<String> languages = s.has("languages") ? s.strings("languages") : List.of("en");
        for (String language : languages) {
            if (!PageSettings.SUPPORTED_LANGUAGES.contains(language)) {
                s.problem("languages", "unsupported language '" + language + "'; supported: " + PageSettings.SUPPORTED_LANGUAGES);
            }
        }
        if (languages.isEmpty()) s.problem("languages", "must name at least one language");
        String defaultLanguage = s.string("default_language").orElse(languages.isEmpty() ? "en" : languages.getFirst());
        if (!languages.isEmpty() && !languages.contains(defaultLanguage)) {
            s.problem("default_language", "'" + defaultLanguage + "' is not one of languages " + languages);
        }
        Text description = s.text("description");
        s.finish();
        return new PageSettings(id, name, url, zone, languages, defaultLanguage, description);
    }

    private static Site site(YamlSection s, ConfigReferences references) {
        String id = references.declare("site", s, s.requiredString("id"));
        Text name = s.has("name") ? s.text("name") : Text.of(id);
        Site.SiteKind kind = s.string("kind").flatMap(k -> constant(s, "kind", k, Site.SiteKind.class)).orElse(Site.SiteKind.DATACENTER);
        Optional<String> parent = s.string("parent");
        parent.ifPresent(p -> references.expect("site", p, s, "parent"));
        List<Site.SharedPart> parts = s.list("shared_parts", p -> {
            String partId = references.declare("shared part", p, p.requiredString("id"));
            Text partName = p.has("name") ? p.text("name") : Text.of(partId);
            p.finish();
            return new Site.SharedPart(partId, partName);
        });
        s.finish();
        return new Site(id, name, kind, parent, parts);
    }

    private static Service service(YamlSection s, ConfigReferences references) {
        String id = references.declare("service", s, s.requiredString("id"));
        Text name = s.has("name") ? s.text("name") : Text.of(id);
        Service.ServiceKind kind = s.string("kind").flatMap(k -> constant(s, "kind", k, Service.ServiceKind.class))
                .orElseGet(() -> {
                    if (!s.has("kind")) s.problem("kind", "is required: one of " + names(Service.ServiceKind.class));
                    return Service.ServiceKind.OTHER;
                });
        List<Service.Endpoint> endpoints = s.list("endpoints", e -> {
            String host = e.string("host").orElse("");
            String address = e.string("address").orElse("");
            if (host.isEmpty() && address.isEmpty()) e.problem("", "an endpoint needs a host, an address, or both");
            if (!address.isEmpty()) AddressLiterals.problemWithAddress(address).ifPresent(p -> e.problem("address", p));
            String site = e.requiredString("site");
            if (!site.isEmpty()) references.expect("site", site, e, "site");
            List<String> parts = e.strings("shared_parts");
            for (String part : parts) references.expectPart(site, part, e);
            e.finish();
            return new Service.Endpoint(host, address, site, parts);
        });
        List<String> dependsOn = s.strings("depends_on");
        for (String dependency : dependsOn) references.expect("service", dependency, s, "depends_on");
        s.finish();
        return new Service(id, name, kind, endpoints, dependsOn);
    }

    private static Component.Group group(YamlSection s, ConfigReferences references) {
        String id = references.declare("component group", s, s.requiredString("id"));
        Text name = s.has("name") ? s.text("name") : Text.of(id);
        Text description = s.text("description");
        s.finish();
        return new Component.Group(id, name, description);
    }

    private static Component component(YamlSection s, ConfigReferences references) {
        String id = references.declare("component", s, s.requiredString("id"));
        Text name = s.has("name") ? s.text("name") : Text.of(id);
        Text description = s.text("description");
        Optional<String> group = s.string("group");
        group.ifPresent(g -> references.expect("component group", g, s, "group"));
        List<String> services = s.strings("services");
        for (String service : services) references.expect("service", service, s, "services");
        s.finish();
        return new Component(id, name, description, group, services);
    }

    private static Optional<URI> uri(YamlSection s, String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                s.problem("url", "'" + value + "' is not an http(s) URL with a host");
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            s.problem("url", "'" + value + "' is not a valid URL");
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> zone(YamlSection s, String value) {
        try {
            return Optional.of(ZoneId.of(value));
        } catch (DateTimeException e) {
            s.problem("time_zone", "'" + value + "' is not a time zone; use a name such as Asia/Tokyo or UTC");
            return Optional.empty();
        }
    }

    static <E extends Enum<E>> Optional<E> constant(YamlSection s, String key, String value, Class<E> type) {
        try {
            return Optional.of(Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            s.problem(key, "'" + value + "' is not one of " + names(type));
            return Optional.empty();
        }
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }

    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "page" : slug;
    }
}
