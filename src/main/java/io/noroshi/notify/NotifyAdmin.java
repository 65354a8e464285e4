package io.noroshi.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.admin.AdminFeature;
import io.noroshi.admin.AdminJson;
import io.noroshi.admin.ApiRoute;
import io.noroshi.admin.Params;
import io.noroshi.admin.Payload;
import io.noroshi.admin.SessionGate;
import io.noroshi.admin.UnknownTarget;
import io.noroshi.config.Component;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.notify.channel.Channel;
import io.noroshi.notify.channel.DeliveryException;
import io.noroshi.subscriber.Addresses;
import io.noroshi.subscriber.Subscriber;
import io.noroshi.subscriber.SubscriberCsv;
import io.noroshi.subscriber.Subscriptions;
import io.noroshi.web.ApiErrors.BadRequest;
import java.io.IOException;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The operator's side of notifications: subscribers (list, add, remove, import, export as CSV; scope admin, as they
 * are personal data), the delivery log (scope read) and "send a test" (scope admin), as admin API and pages.
 */
public final class NotifyAdmin implements AdminFeature {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final List<Channel> channels;
    private final NoroshiConfig config;
    private final IntSupplier hubPort;
    private final InstantSource clock;
    private final SessionGate gate;
    private final AdminJson json;

    NotifyAdmin(Subscriptions subscriptions, Outbox outbox, List<Channel> channels, NoroshiConfig config, IntSupplier hubPort, InstantSource clock,
                SessionGate gate, AdminJson json) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.channels = channels;
        this.config = config;
        this.hubPort = hubPort;
        this.clock = clock;
        this.gate = gate;
        this.json = json;
    }

    @Override
    public List<ApiRoute> apiRoutes() {
        return List.of(
                new ApiRoute(HandlerType.GET, "/subscribers", Scope.ADMIN, "Subscribers by address (q: part of it; offset, limit)", "", 200, this::list),
                new ApiRoute(HandlerType.POST, "/subscribers", Scope.ADMIN, "Add a confirmed subscriber (kind, address, lang, components)",
                        "Subscriber", 201, this::add),
                new ApiRoute(HandlerType.DELETE, "/subscribers/{id}", Scope.ADMIN, "Remove a subscriber", "", 200, this::remove),
                new ApiRoute(HandlerType.POST, "/subscribers/import", Scope.ADMIN, "Import subscribers from CSV ({\"csv\": ...}); broken rows"
                        + " are refused by line", "SubscriberImport", 200, this::importCsv),
                new ApiRoute(HandlerType.GET, "/subscribers/export", Scope.ADMIN, "Every subscriber as CSV ({\"csv\": ...})", "", 200, this::exportCsv),
                new ApiRoute(HandlerType.GET, "/notifications/deliveries", Scope.READ, "The latest notices with sent, pending, failed and dead"
                        + " deliveries per channel", "", 200, this::deliveries),
                new ApiRoute(HandlerType.POST, "/notifications/test", Scope.ADMIN, "Send a test through a channel now ({channel, to})",
                        "ChannelTest", 200, this::test));
    }

    @Override
    public void registerPages(JavalinConfig javalin) {
        javalin.routes.get("/admin/notifications", ctx -> page(ctx, Optional.empty()));
        javalin.routes.post("/admin/notifications/test", ctx -> {
            var result = sendTest(ctx.formParam("channel"), ctx.formParam("to"), gate.actor(ctx));
            // sendTest words its result for the API; the page says it in the operator's language
            var text = SessionGate.text(ctx);
            page(ctx, Optional.of(result.equals("sent") ? text.t("notifications.test_sent")
                    : result.startsWith("failed: ") ? text.t("notifications.test_failed", text.refusal(result.substring("failed: ".length()))) : result));
        });
        javalin.routes.get("/admin/subscribers", ctx -> subscribersPage(ctx, Optional.empty()));
        javalin.routes.post("/admin/subscribers", ctx -> {
            String address = Optional.ofNullable(ctx.formParam("address")).orElse("");
            String kind = Optional.ofNullable(ctx.formParam("kind")).orElse("email");
            String message;
            try {
                var s = add(kind, address, Optional.ofNullable(ctx.formParam("lang")).orElse(config.page().defaultLanguage()), ctx.formParams("components"));
                message = s.kind() == Subscriber.Kind.WEBHOOK ? SessionGate.text(ctx).t("notice.subscriber_added_secret", subscriptions.keys().webhookSecret(s.address()))
                        : SessionGate.text(ctx).t("notice.subscriber_added");
            } catch (BadRequest e) {
                message = SessionGate.text(ctx).refusal(e.getMessage());
            }
            subscribersPage(ctx, Optional.of(message));
        });
        javalin.routes.post("/admin/subscribers/{id}/remove", ctx -> {
            boolean removed = subscriptions.store().remove(ctx.pathParam("id"));
            subscribersPage(ctx, Optional.of(SessionGate.text(ctx).t(removed ? "notice.subscriber_removed" : "notice.subscriber_gone")));
        });
        javalin.routes.post("/admin/subscribers/import", ctx -> {
            var parsed = importRows(Optional.ofNullable(ctx.formParam("csv")).orElse(""));
            var text = SessionGate.text(ctx);
            var message = new StringBuilder(text.t("notice.imported", parsed.rows().size()));
            parsed.refused().forEach(r -> message.append(" ").append(text.t("notice.import_line", r.line(), text.refusal(r.reason()))));
            subscribersPage(ctx, Optional.of(message.toString()));
        });
        javalin.routes.get("/admin/subscribers/export.csv", ctx -> {
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"subscribers.csv\"");
            ctx.result(csv());
        });
    }

    private void page(Context ctx, Optional<String> result) {
        gate.render(ctx, "admin/notifications.jte", "chrome", gate.chrome(ctx, "title.notifications"), "log", outbox.recent(30),
                "channels", channels.stream().filter(c -> !c.name().equals(Outbox.SUBSCRIBER_WEBHOOKS)).toList(), "result", result.orElse(""),
                "subscribers", subscriptions.store().count());
    }

    private void subscribersPage(Context ctx, Optional<String> message) {
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        gate.render(ctx, "admin/subscribers.jte", "chrome", gate.chrome(ctx, "title.subscribers"), "subscribers", subscriptions.store().list(q, offset, 100),
                "q", q, "offset", offset, "message", message.orElse(""), "components", config.components().stream().map(Component::id).toList());
    }

    void list(Context ctx, Actor actor) {
        int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer(ctx, "limit", 100, 1, 1000);
        var body = new LinkedHashMap<String, Object>();
        body.put("total", subscriptions.store().count());
        body.put("subscribers", subscriptions.store().list(ctx.queryParam("q"), offset, limit).stream().map(NotifyAdmin::subscriber).toList());
        Params.json(ctx, 200, json.write(body));
    }

    void add(Context ctx, Actor actor) {
        var p = Payload.parse(ctx.body(), Set.of("kind", "address", "lang", "components"));
        Subscriber s = add(p.string("kind", "email"), p.requiredString("address"), p.string("lang", config.page().defaultLanguage()),
                p.strings("components"));
        var body = new LinkedHashMap<String, Object>(subscriber(s));
        if (s.kind() == Subscriber.Kind.WEBHOOK) body.put("secret", subscriptions.keys().webhookSecret(s.address()));
        Params.json(ctx, 201, json.write(body));
    }

    private Subscriber add(String kind, String address, String lang, List<String> components) {
        if (!config.page().languages().contains(lang)) throw new BadRequest("lang", "must be one of " + config.page().languages());
        var known = config.components().stream().map(Component::id).toList();
        for (String c : components) if (!known.contains(c)) throw new BadRequest("components", "no component has the id '" + c + "'");
        return switch (kind) {
            case "email" -> subscriptions.add(Subscriber.Kind.EMAIL, Addresses.email(address)
                    .orElseThrow(() -> new BadRequest("address", "is not an e-mail address")), lang, components);
            case "webhook" -> subscriptions.add(Subscriber.Kind.WEBHOOK, Addresses.webhook(address, subscriptions.base(), hubPort.getAsInt())
                    .orElseThrow(() -> new BadRequest("address", "must be an http(s) URL that does not point at this hub")).toString(), lang, components);
            default -> throw new BadRequest("kind", "must be email or webhook");
        };
    }

    void remove(Context ctx, Actor actor) {
        if (!subscriptions.store().remove(ctx.pathParam("id"))) throw new UnknownTarget("subscriber", ctx.pathParam("id"));
        Params.json(ctx, 200, json.write(Map.of("removed", ctx.pathParam("id"))));
    }

    void importCsv(Context ctx, Actor actor) throws IOException {
        JsonNode body = JSON.readTree(ctx.body());
        if (body == null || !body.path("csv").isTextual()) throw new BadRequest("csv", "send {\"csv\": \"address,kind,lang,components\\n...\"}");
        var parsed = importRows(body.path("csv").asText());
        var answer = new LinkedHashMap<String, Object>();
        answer.put("imported", parsed.rows().size());
        answer.put("refused", parsed.refused().stream().map(r -> Map.of("line", r.line(), "reason", r.reason())).toList());
        Params.json(ctx, 200, json.write(answer));
    }

    private SubscriberCsv.Parsed importRows(String csv) {
        var parsed = SubscriberCsv.parse(csv, config.page().languages(),
                new HashSet<>(config.components().stream().map(Component::id).toList()), subscriptions.base(), hubPort.getAsInt());
        for (var row : parsed.rows()) subscriptions.add(row.kind(), row.address(), row.lang(), row.components());
        return parsed;
    }

    void exportCsv(Context ctx, Actor actor) {
        Params.json(ctx, 200, json.write(Map.of("csv", csv())));
    }

    private String csv() {
        var out = new StringBuilder(SubscriberCsv.HEADER).append('\n');
        subscriptions.store().each(s -> out.append(SubscriberCsv.line(s)).append('\n'));
        return out.toString();
    }

    void deliveries(Context ctx, Actor actor) {
        int limit = Params.integer(ctx, "limit", 20, 0, 200); // 0: the depth alone, cheap enough to poll during a fan-out
        var depth = outbox.depth();
        var body = new LinkedHashMap<String, Object>();
        body.put("pending", depth.pending());
        body.put("oldest_pending_due_at", depth.oldestDue().map(AdminJson::time).orElse(null));
        body.put("notices", (limit == 0 ? List.<Outbox.NoticeLog>of() : outbox.recent(limit)).stream().map(n -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("id", n.id());
            row.put("event", n.event().toLowerCase(java.util.Locale.ROOT));
            row.put("target", n.target());
            row.put("at", AdminJson.time(n.at()));
            row.put("channels", n.channels().stream().map(c -> {
                var m = new LinkedHashMap<String, Object>();
                m.put("channel", c.channel());
                m.put("sent", c.sent());
                m.put("pending", c.pending());
                m.put("failed", c.failed());
                m.put("dead", c.dead());
                m.put("last_error", c.lastError().orElse(null));
                return m;
            }).toList());
            return row;
        }).toList());
        Params.json(ctx, 200, json.write(body));
    }

    void test(Context ctx, Actor actor) {
        var p = Payload.parse(ctx.body(), Set.of("channel", "to"));
        String result = sendTest(p.requiredString("channel"), p.string("to", null), actor);
        Params.json(ctx, 200, json.write(Map.of("channel", p.requiredString("channel"), "result", result)));
    }

    /** Sends at once, outside the outbox, so the operator sees the outcome on the spot. */
    private String sendTest(String name, String to, Actor actor) {
        Channel channel = channels.stream().filter(c -> c.name().equals(name) && !c.name().equals(Outbox.SUBSCRIBER_WEBHOOKS)).findFirst()
                .orElseThrow(() -> new UnknownTarget("channel", name == null ? "" : name));
        Optional<String> recipient = Optional.ofNullable(to).filter(t -> !t.isBlank());
        if (channel.kind().equals("email")) {
            recipient = Optional.of(recipient.flatMap(Addresses::email).orElseThrow(() -> new BadRequest("to", "an e-mail test needs an address to send to")));
        }
        String lang = config.page().defaultLanguage();
        var notice = new Notice(Notice.Event.TEST, lang, config.page().name(), lang.equals("ja") ? "【テスト】通知チャンネルの確認" : "Test: notification channel check",
                Optional.empty(), "none", (lang.equals("ja") ? "チャンネル " + name + " のテスト送信です。" : "A test of the channel " + name + ", sent by ")
                + actor.label() + ".", config.page().url(), clock.instant(), Optional.empty());
        try {
            channel.send(notice, recipient, "test-" + clock.millis());
            return "sent";
        } catch (DeliveryException e) {
            return "failed: " + e.getMessage();
        }
    }

    private static Map<String, Object> subscriber(Subscriber s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", s.id());
        m.put("kind", s.kind().wire());
        m.put("address", s.address());
        m.put("lang", s.lang());
        m.put("components", s.components());
        m.put("state", s.state().wire());
        m.put("created_at", AdminJson.time(s.createdAt()));
        m.put("confirmed_at", s.confirmedAt().map(AdminJson::time).orElse(null));
        return m;
    }

}
