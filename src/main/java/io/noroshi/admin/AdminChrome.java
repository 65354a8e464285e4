package io.noroshi.admin;

import io.noroshi.statuspage.RelativeTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * What every admin page shows around its content.
 *
 * @param operator   the logged-in operator's email, null on the login page
 * @param csrf       the token every form on the page sends back
 * @param error      why the last form was refused, from the server's session (never from the URL); may be null
 * @param notice     what the last action did, from the server's session; may be null
 * @param errorField the form field {@code error} is about, or empty
 * @param typed      what the refused form held, by field name, so the form shows it again
 * @param zone       the status page's time zone ({@code page.time_zone}): times are shown in it, UTC on hover
 * @param now        when the page is rendered, for the relative form of its times ("40 minutes ago")
 * @param names      what the page shows for stored references (incident, component, token...): names, not ids
 * @param text       the page's words, in the operator's language
 * @param query      the page's own query string as the browser sent it (a search, a filter), null without one
 */
public record AdminChrome(String title, String operator, String csrf, String error, String notice, String errorField,
                          Map<String, String> typed, ZoneId zone, Instant now, TargetNames names, AdminText text, String query) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", java.util.Locale.ENGLISH);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", java.util.Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public AdminChrome {
        errorField = errorField == null ? "" : errorField;
        typed = typed == null ? Map.of() : Map.copyOf(typed);
        zone = zone == null ? ZoneOffset.UTC : zone;
        names = names == null ? TargetNames.NONE : names;
        text = text == null ? AdminText.in("en") : text;
    }

    /** The same page with {@code error} shown above it. */
    public AdminChrome withError(String error) {
        return new AdminChrome(title, operator, csrf, text.refusal(error), notice, "", typed, zone, now, names, text, query);
    }

    /**
     * The language switch's link: this page in the other language, its query kept (a search, a filter)
     * but for any {@code lang} it had.
     */
    public String languageHref() {
        var href = new StringBuilder("?");
        if (query != null) {
            for (String part : query.split("&")) {
                if (part.isEmpty() || part.equals("lang") || part.startsWith("lang=")) continue;
                href.append(part).append('&');
            }
        }
        return href.append("lang=").append(text.other()).toString();
    }

    /** How long ago {@code at} was when the page was rendered ("40 minutes ago", "in 2 hours"); empty without a time. */
    public String ago(Instant at) {
        return at == null || now == null ? "" : RelativeTimes.relative(at, now, text.publicWords());
    }

    /** The page's language tag ({@code en}, {@code ja}), for {@code <html lang>}. */
    public String lang() {
        return text.lang();
    }

    /** The text of {@code key} in the page's language. */
    public String t(String key) {
        return text.t(key);
    }

    /** The text of {@code key} with {@code args} in place of {0}, {1}... */
    public String t(String key, Object... args) {
        return text.t(key, args);
    }

    /** The audit log's rows, in the page's words. */
    public java.util.List<TargetNames.AuditRow> rows(java.util.List<io.noroshi.account.AuditEntry> entries) {
        return names.rows(entries, text);
    }

    /** A stored reference in the page's words. */
    public TargetNames.Named named(String ref) {
        return names.named(ref, text);
    }

    /** A component's name in the page's language. */
    public String component(String id) {
        return names.component(id, text);
    }

    /** {@code at} in the page's time zone, to the minute: {@code 2026-03-01 18:05 JST}. */
    public String local(Instant at) {
        return at == null ? "" : LOCAL.format(at.atZone(zone));
    }

    /** {@code at} in UTC to the second, for the hover title. */
    public String utc(Instant at) {
        return at == null ? "" : UTC.format(at);
    }

    /** What was typed into {@code field} before the form was refused, else {@code fallback}. */
    public String typed(String field, String fallback) {
        return typed.getOrDefault(field, fallback == null ? "" : fallback);
    }

    /** What was typed into {@code field} before the form was refused, else empty. */
    public String typed(String field) {
        return typed(field, "");
    }

    /** Whether {@code value} was among a refused form's values of the multi-valued {@code field} (kept comma-joined). */
    public boolean typedIncludes(String field, String value) {
        String all = typed.get(field);
        if (all == null) return false;
        for (String v : all.split("\n")) if (v.equals(value)) return true;
        return false;
    }

    /** Whether the form was refused at all (then {@link #typed} replaces the defaults). */
    public boolean refused() {
        return !typed.isEmpty();
    }

    /** The error when it is about {@code field}: shown beside that field. */
    public String errorFor(String field) {
        return error != null && errorField.equals(field) ? error : "";
    }

    /** The error when it is about no field shown on the form: shown above the page. */
    public String generalError() {
        return error != null && !error.isEmpty() && errorField.isEmpty() ? error : "";
    }
}
