package io.noroshi.admin;

import io.noroshi.account.AuditEntry;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.storage.Database;
import java.util.HashMap;
import java.util.List;
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

    private final NoroshiConfig config;
    private final Database database;

    public TargetNames(NoroshiConfig config, Database database) {
        this.config = config;
        this.database = database;
    }

    /** An audit action in words: {@code incident.update} → {@code Posted an update}; an unknown one spelled out. */
    public static String action(String action) {
        return action(action, AdminText.in("en"));
    }

    /** An audit action in the page's words ({@code action.<action>} in the admin bundle); an unknown one spelled out. */
    public static String action(String action, AdminText text) {
        String key = "action." + action;
        if (text.has(key)) return text.t(key);
        if (action.startsWith("maintenance.")) return text.t("action.maintenance", text.words(action.substring("maintenance.".length())));
        return AdminWords.words(action.replace('.', ' '));
    }

    /** A component's name from the configuration, else its id. */
    public String component(String id) {
        return component(id, AdminText.in("en"));
    }

    /** A component's name in the page's language, else its id. */
    public String component(String id, AdminText text) {
        if (config == null) return id;
        return config.components().stream().filter(c -> c.id().equals(id)).map(c -> c.name().in(text.lang())).findFirst().orElse(id);
    }

    /** Component names for ids, in the given order. */
    public List<String> components(List<String> ids) {
        return components(ids, AdminText.in("en"));
    }

    public List<String> components(List<String> ids, AdminText text) {
        return ids.stream().map(id -> component(id, text)).toList();
    }

    /** The names of many entries, each reference looked up once. */
    public List<AuditRow> rows(List<AuditEntry> entries) {
        return rows(entries, AdminText.in("en"));
    }

    public List<AuditRow> rows(List<AuditEntry> entries, AdminText text) {
        var seen = new HashMap<String, Named>();
        return entries.stream().map(e -> new AuditRow(e, action(e.action(), text), seen.computeIfAbsent(e.target(), t -> named(t, text)))).toList();
    }

    /** A reference in words; one this hub no longer knows shows as its kind and id. */
    public Named named(String ref) {
        return named(ref, AdminText.in("en"));
    }

    /** A reference in the page's words. */
    public Named named(String ref, AdminText text) {
        if (ref == null || ref.isEmpty()) return new Named("", "", "");
        int slash = ref.indexOf('/');
        if (slash < 0 || database == null) return new Named(ref, "", ref);
        String kind = ref.substring(0, slash);
        String id = ref.substring(slash + 1);
        String lang = text.lang();
        return switch (kind) {
            case "incident" -> new Named(quoted(text, "incident", database.incidents().find(id).map(i -> i.name().in(lang)), id),
                    "/admin/incidents/" + id, ref);
            case "maintenance" -> new Named(quoted(text, "maintenance", database.maintenance().find(id).map(m -> m.name().in(lang)), id),
                    "/admin/maintenance", ref);
            case "component" -> new Named(text.t("target.component", component(id, text)), "/admin/components", ref);
            case "token" -> new Named(quoted(text, "token", database.tokens().find(id).map(t -> t.name()), id), "/admin/tokens", ref);
            case "operator" -> new Named(text.t("target.operator", database.operators().find(id).map(o -> o.email()).orElse(id)),
                    "/admin/operators", ref);
            case "monitor" -> new Named(text.t("target.monitor", id), "/admin/monitoring/" + id, ref);
            case "draft" -> new Named(text.t("target.draft"), "", ref);
            case "subscriber" -> new Named(text.t("target.subscriber"), "/admin/subscribers", ref);
            case "finding" -> new Named(text.t("target.finding", id.split("/", 2)[0]), "/admin/findings", ref);
            default -> new Named(ref, "", ref);
        };
    }

    private static String quoted(AdminText text, String kind, Optional<String> name, String id) {
        return name.map(n -> text.t("target." + kind, n)).orElse(text.t("target." + kind + ".gone", id));
    }
}
