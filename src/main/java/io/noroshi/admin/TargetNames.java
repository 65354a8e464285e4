package io.noroshi.admin;

import io.noroshi.account.AuditEntry;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.storage.Database;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an admin page shows for a stored reference ({@code incident/ID}, {@code component/ID}, {@code token/ID}...):
 * the thing's name, as an operator knows it, with a link to its page where there is one. The reference
 * itself stays on hover. Ids are for the API and the audit log's JSON, never what a page leads with.
 */
public final class TargetNames {

    /** No names known: every reference shows as itself (pages built without a database, in tests). */
    public static final TargetNames NONE = new TargetNames(null, null);

    /** A reference in words: {@code text} to show, {@code href} to its admin page (empty when it has none), {@code ref} the raw reference. */
    public record Named(String text, String href, String ref) {
    }

    /** One audit entry as the log page shows it: the action and the target in words. */
    public record AuditRow(AuditEntry entry, String action, Named target) {
    }

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("incident.open", "Opened the incident"),
            Map.entry("incident.update", "Posted an update"),
            Map.entry("incident.resolve", "Resolved the incident"),
            Map.entry("incident.reopen", "Reopened the incident"),
            Map.entry("incident.impact", "Changed the impact"),
            Map.entry("incident.postmortem", "Attached the post-mortem"),
            Map.entry("incident.draft", "Drafted a first notice"),
            Map.entry("incident.draft.take", "Took the first-notice draft"),
            Map.entry("incident.draft.dismiss", "Dismissed the first-notice draft"),
            Map.entry("incident.draft.publish", "Published the first notice"),
            Map.entry("incident.draft.recovered", "Recovered before the draft was published"),
            Map.entry("maintenance.schedule", "Scheduled maintenance"),
            Map.entry("component.override", "Set the status by hand"),
            Map.entry("component.clear_override", "Cleared the override"),
            Map.entry("component.monitoring_unavailable", "Monitoring unavailable"),
            Map.entry("token.create", "Created an API token"),
            Map.entry("token.revoke", "Revoked an API token"),
            Map.entry("operator.create", "Added an operator"),
            Map.entry("operator.setup", "Created the first operator"),
            Map.entry("operator.login", "Logged in"),
            Map.entry("operator.logout", "Logged out"),
            Map.entry("operator.key", "Used the setup key"));

    private final NoroshiConfig config;
    private final Database database;

    public TargetNames(NoroshiConfig config, Database database) {
        this.config = config;
        this.database = database;
    }

    /** An audit action in words: {@code incident.update} → {@code Posted an update}; an unknown one spelled out. */
    public static String action(String action) {
        String known = ACTIONS.get(action);
        if (known != null) return known;
        if (action.startsWith("maintenance.")) return "Maintenance: " + AdminWords.words(action.substring("maintenance.".length())).toLowerCase();
        return AdminWords.words(action.replace('.', ' '));
    }

    /** A component's name from the configuration, else its id. */
    public String component(String id) {
        if (config == null) return id;
        return config.components().stream().filter(c -> c.id().equals(id)).map(c -> c.name().in("en")).findFirst().orElse(id);
    }

    /** Component names for ids, in the given order. */
    public List<String> components(List<String> ids) {
        return ids.stream().map(this::component).toList();
    }

    /** The names of many entries, each reference looked up once. */
    public List<AuditRow> rows(List<AuditEntry> entries) {
        var seen = new HashMap<String, Named>();
        return entries.stream().map(e -> new AuditRow(e, action(e.action()), seen.computeIfAbsent(e.target(), this::named))).toList();
    }

    /** A reference in words; one this hub no longer knows shows as its kind and id. */
    public Named named(String ref) {
        if (ref == null || ref.isEmpty()) return new Named("", "", "");
        int slash = ref.indexOf('/');
        if (slash < 0 || database == null) return new Named(ref, "", ref);
        String kind = ref.substring(0, slash);
        String id = ref.substring(slash + 1);
        return switch (kind) {
            case "incident" -> new Named(quoted("Incident", database.incidents().find(id).map(i -> i.name().in("en")), id),
                    "/admin/incidents/" + id, ref);
            case "maintenance" -> new Named(quoted("Maintenance", database.maintenance().find(id).map(m -> m.name().in("en")), id),
                    "/admin/maintenance", ref);
            case "component" -> new Named("Component " + component(id), "/admin/components", ref);
            case "token" -> new Named(quoted("API token", database.tokens().find(id).map(t -> t.name()), id), "/admin/tokens", ref);
            case "operator" -> new Named("Operator " + database.operators().find(id).map(o -> o.email()).orElse(id), "/admin/operators", ref);
            case "monitor" -> new Named("Monitor " + id, "/admin/monitoring/" + id, ref);
            case "draft" -> new Named("First-notice draft", "", ref);
            case "subscriber" -> new Named("A subscriber", "/admin/subscribers", ref);
            case "finding" -> new Named("DNS audit finding on " + id.split("/", 2)[0], "/admin/findings", ref);
            default -> new Named(ref, "", ref);
        };
    }

    private static String quoted(String kind, Optional<String> name, String id) {
        return name.map(n -> kind + " “" + n + "”").orElse(kind + " " + id + " (no longer stored)");
    }
}
