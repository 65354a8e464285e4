package io.noroshi.subscriber;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.noroshi.config.Component;
import io.noroshi.config.NoroshiConfig;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The public pages of subscribing, plain HTML forms that work without JavaScript: {@code /subscribe} (the form, also
 * on every status page), {@code /subscribe/confirm} (the double opt-in link) and {@code /subscribe/manage} (change the
 * scope or language, leave; it also takes RFC 8058's one-click {@code List-Unsubscribe=One-Click} POST).
 */
public final class SubscribePages {

    private final Subscriptions subscriptions;
    private final SubscribeThrottle throttle;
    private final NoroshiConfig config;
    private final IntSupplier hubPort;

    public SubscribePages(Subscriptions subscriptions, SubscribeThrottle throttle, NoroshiConfig config, IntSupplier hubPort) {
        this.subscriptions = subscriptions;
        this.throttle = throttle;
        this.config = config;
        this.hubPort = hubPort;
    }

    public void register(JavalinConfig javalin) {
        javalin.routes.before("/subscribe", SubscribePages::noStore);
        javalin.routes.before("/subscribe/*", SubscribePages::noStore);
        javalin.routes.get("/subscribe", this::form);
        javalin.routes.post("/subscribe", this::subscribe);
        javalin.routes.get("/subscribe/confirm", this::confirm);
        javalin.routes.get("/subscribe/manage", this::manage);
        javalin.routes.post("/subscribe/manage", this::change);
    }

    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer"); // the manage link's token must not leak to other sites
    }

    private String lang(Context ctx) {
        String lang = Optional.ofNullable(ctx.formParam("lang")).orElse(ctx.queryParam("lang"));
        return lang != null && config.page().languages().contains(lang) ? lang : config.page().defaultLanguage();
    }

    private void form(Context ctx) {
        String lang = lang(ctx);
        page(ctx, 200, lang, SubscribeWords.get(lang, "title"), formHtml(lang, List.of()));
    }

    /**
     * Whether subscribers get e-mail: only with an e-mail channel configured. Without one the form is not offered, so no
     * reader is told to wait for a confirmation that never comes.
     */
    private boolean sendsEmail() {
        return config.notifications().subscribers().emailChannel().isPresent();
    }

    private String formHtml(String lang, List<String> checked) {
        var h = new StringBuilder();
        if (sendsEmail()) {
            h.append("<p>").append(e(SubscribeWords.get(lang, "intro"))).append("</p>");
            h.append("<form method=\"post\" action=\"/subscribe\"><input type=\"hidden\" name=\"lang\" value=\"").append(e(lang)).append("\">");
            h.append("<p><label>").append(e(SubscribeWords.get(lang, "email"))).append("<br><input type=\"email\" name=\"email\" required"
                    + " autocomplete=\"email\" size=\"32\"></label></p>");
            h.append(scope(lang, checked));
            h.append("<p><button type=\"submit\">").append(e(SubscribeWords.get(lang, "submit"))).append("</button></p></form>");
        } else {
            h.append("<p>").append(e(SubscribeWords.get(lang, "noemail"))).append(" <a href=\"/history.atom\">Atom</a> · <a href=\"/history.rss\">RSS</a></p>");
        }
        if (config.notifications().subscribers().publicWebhooks()) {
            h.append("<details><summary>Webhook</summary><form method=\"post\" action=\"/subscribe\"><input type=\"hidden\" name=\"lang\" value=\"")
                    .append(e(lang)).append("\"><p><label>").append(e(SubscribeWords.get(lang, "url")))
                    .append("<br><input type=\"url\" name=\"url\" required size=\"40\"></label></p>").append(scope(lang, checked))
                    .append("<p><button type=\"submit\">").append(e(SubscribeWords.get(lang, "submit"))).append("</button></p></form></details>");
        }
        return h.toString();
    }

    private String scope(String lang, List<String> checked) {
        if (config.components().isEmpty()) return "";
        var h = new StringBuilder("<fieldset><legend>").append(e(SubscribeWords.get(lang, "components"))).append("</legend>");
        for (Component c : config.components()) {
            h.append("<label style=\"display:block\"><input type=\"checkbox\" name=\"components\" value=\"").append(e(c.id())).append("\"")
                    .append(checked.contains(c.id()) ? " checked" : "").append("> ").append(e(c.name().in(lang))).append("</label>");
        }
        return h.append("</fieldset>").toString();
    }

    private void subscribe(Context ctx) {
        String lang = lang(ctx);
        List<String> components = ctx.formParams("components");
        if (!config.components().stream().map(Component::id).toList().containsAll(components)) {
            problem(ctx, 400, lang, "bad.components");
            return;
        }
        String url = ctx.formParam("url");
        if (url != null && !url.isBlank()) {
            subscribeWebhook(ctx, lang, url, components);
            return;
        }
        if (!sendsEmail()) {
            problem(ctx, 403, lang, "noemail");
            return;
        }
        Optional<String> email = Addresses.email(ctx.formParam("email"));
        if (email.isEmpty()) {
            problem(ctx, 400, lang, "bad.email");
            return;
        }
        if (!throttle.allow(email.get(), ctx.ip())) {
            problem(ctx, 429, lang, "throttled");
            return;
        }
        subscriptions.request(Subscriber.Kind.EMAIL, email.get(), lang, components);
        // The same answer whether the address was known or not: the form tells no one who subscribes.
        page(ctx, 200, lang, SubscribeWords.get(lang, "sent.title"), "<p>" + e(SubscribeWords.get(lang, "sent.body")) + "</p>" + back(lang));
    }

    private void subscribeWebhook(Context ctx, String lang, String written, List<String> components) {
        if (!config.notifications().subscribers().publicWebhooks()) {
            problem(ctx, 403, lang, "bad.webhooks");
            return;
        }
        Optional<URI> url = Addresses.webhook(written, subscriptions.base(), hubPort.getAsInt());
        if (url.isEmpty()) {
            problem(ctx, 400, lang, "bad.url");
            return;
        }
        if (!throttle.allow(url.get().toString(), ctx.ip())) {
            problem(ctx, 429, lang, "throttled");
            return;
        }
        subscriptions.request(Subscriber.Kind.WEBHOOK, url.get().toString(), lang, components);
        page(ctx, 200, lang, SubscribeWords.get(lang, "sent.title"), "<p>" + e(SubscribeWords.get(lang, "sent.webhook"))
                + " <code>" + e(subscriptions.keys().webhookSecret(url.get().toString())) + "</code></p>" + back(lang));
    }

    private void confirm(Context ctx) {
        Optional<Subscriber> s = subscriptions.confirm(ctx.queryParam("t"));
        if (s.isEmpty()) {
            problem(ctx, 410, lang(ctx), "bad.link");
            return;
        }
        String lang = s.get().lang();
        page(ctx, 200, lang, SubscribeWords.get(lang, "confirmed.title"), "<p>" + e(SubscribeWords.get(lang, "confirmed.body"))
                + " <a href=\"" + e(subscriptions.manageLink(s.get()).toString()) + "\">" + e(SubscribeWords.get(lang, "manage.link")) + "</a></p>"
                + back(lang));
    }

    private void manage(Context ctx) {
        String token = ctx.queryParam("t");
        Optional<Subscriber> s = subscriptions.byManageToken(token);
        if (s.isEmpty()) {
            problem(ctx, 410, lang(ctx), "bad.link");
            return;
        }
        page(ctx, 200, s.get().lang(), SubscribeWords.get(s.get().lang(), "manage.title"), manageForm(s.get(), token, ""));
    }

    private String manageForm(Subscriber s, String token, String notice) {
        String lang = s.lang();
        var h = new StringBuilder();
        if (!notice.isEmpty()) h.append("<p role=\"status\"><strong>").append(e(notice)).append("</strong></p>");
        h.append("<p>").append(e(s.kind() == Subscriber.Kind.EMAIL ? s.address() : s.address())).append("</p>");
        h.append("<form method=\"post\" action=\"/subscribe/manage\"><input type=\"hidden\" name=\"t\" value=\"").append(e(token)).append("\">");
        h.append("<p><label>").append(e(SubscribeWords.get(lang, "language"))).append(" <select name=\"lang\">");
        for (String l : config.page().languages()) {
            h.append("<option value=\"").append(e(l)).append("\"").append(l.equals(lang) ? " selected" : "").append(">")
                    .append(l.equals("ja") ? "日本語" : "English").append("</option>");
        }
        h.append("</select></label></p>").append(scope(lang, s.components()));
        h.append("<p><button type=\"submit\" name=\"action\" value=\"save\">").append(e(SubscribeWords.get(lang, "manage.save")))
                .append("</button> <button type=\"submit\" name=\"action\" value=\"leave\">").append(e(SubscribeWords.get(lang, "manage.leave")))
                .append("</button></p></form>");
        return h.append(back(lang)).toString();
    }

    private void change(Context ctx) {
        String token = Optional.ofNullable(ctx.formParam("t")).orElse(ctx.queryParam("t"));
        Optional<Subscriber> s = subscriptions.byManageToken(token);
        // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the List-Unsubscribe URL.
        boolean oneClick = "One-Click".equals(ctx.formParam("List-Unsubscribe"));
        if (s.isEmpty()) {
            if (oneClick) ctx.status(200).result(""); // already gone: the client has nothing to do
            else problem(ctx, 410, lang(ctx), "bad.link");
            return;
        }
        if (oneClick || "leave".equals(ctx.formParam("action"))) {
            subscriptions.store().remove(s.get().id());
            String lang = s.get().lang();
            if (oneClick) ctx.status(200).contentType("text/plain; charset=utf-8").result(SubscribeWords.get(lang, "left.body"));
            else page(ctx, 200, lang, SubscribeWords.get(lang, "left.title"), "<p>" + e(SubscribeWords.get(lang, "left.body")) + "</p>" + back(lang));
            return;
        }
        List<String> components = ctx.formParams("components");
        if (!config.components().stream().map(Component::id).toList().containsAll(components)) {
            problem(ctx, 400, s.get().lang(), "bad.components");
            return;
        }
        String lang = Optional.ofNullable(ctx.formParam("lang")).filter(config.page().languages()::contains).orElse(s.get().lang());
        subscriptions.store().update(s.get().id(), lang, components);
        Subscriber after = subscriptions.store().find(s.get().id()).orElse(s.get());
        page(ctx, 200, lang, SubscribeWords.get(lang, "manage.title"), manageForm(after, token, SubscribeWords.get(lang, "saved")));
    }

    private void problem(Context ctx, int status, String lang, String key) {
        page(ctx, status, lang, SubscribeWords.get(lang, "title"), "<p role=\"alert\"><strong>" + e(SubscribeWords.get(lang, key)) + "</strong></p>"
                + (key.equals("noemail") ? "" : formHtml(lang, List.of())) + back(lang));
    }

    private String back(String lang) {
        String home = lang.equals(config.page().defaultLanguage()) ? "/" : "/" + lang + "/";
        return "<p><a href=\"" + e(home) + "\">" + e(SubscribeWords.get(lang, "back")) + "</a></p>";
    }

    private void page(Context ctx, int status, String lang, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"" + e(lang) + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                + " content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><title>" + e(title) + " - "
                + e(config.page().name()) + "</title><style>body{font:16px/1.55 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}"
                + "fieldset{border:1px solid #d0d7de;border-radius:.5rem}</style></head><body><main><h1>" + e(title) + "</h1>" + body
                + "</main></body></html>";
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }

    static String e(String s) {
        var out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
