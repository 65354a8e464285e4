package io.noroshi.comms;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.noroshi.admin.InvalidTransition;
import io.noroshi.admin.SessionGate;
import io.noroshi.admin.UnknownTarget;
import io.noroshi.admin.UpdateRefused;
import io.noroshi.config.Text;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The admin page of first-notice drafts, {@code /admin/drafts} (in the language of every admin page):
 * each waiting draft with the time it publishes itself and how long until then, its text to edit, and the
 * operator's four moves: save the text (which takes it over), publish now, take over, dismiss. The same moves
 * as {@code /api/admin/v1/comms/drafts/...}; every one is in the audit log.
 */
final class DraftsPage {

    static final String PATH = "/admin/drafts";

    private final Supplier<Optional<FirstNotices>> firstNotices;
    private final InstantSource clock;
    private final SessionGate gate;

    DraftsPage(Supplier<Optional<FirstNotices>> firstNotices, InstantSource clock, SessionGate gate) {
        this.firstNotices = firstNotices;
        this.clock = clock;
        this.gate = gate;
    }

    void register(JavalinConfig config) {
        config.routes.get(PATH, this::page);
        config.routes.post(PATH + "/{id}/{move}", this::move);
    }

    private void page(Context ctx) {
        DraftWords words = DraftWords.in(language(ctx));
        Instant now = clock.instant();
        List<ShownDraft> drafts = firstNotices.get().map(FirstNotices::open).orElse(List.of()).stream()
                .map(d -> new ShownDraft(d, d.publishAt(), d.publishAt().map(at -> countdown(words, Duration.between(now, at))).orElse(""),
                        words.get("state." + d.state().wire()), now))
                .toList();
        gate.render(ctx, "admin/comms_drafts.jte", "chrome", gate.chrome(ctx, words.get("title")), "words", words, "drafts", drafts);
    }

    private void move(Context ctx) {
        DraftWords words = DraftWords.in(language(ctx));
        String back = PATH + (words.lang().equals("ja") ? "?lang=ja" : "");
        String id = ctx.pathParam("id");
        String move = ctx.pathParam("move");
        var actor = gate.actor(ctx);
        try {
            FirstNotices notices = firstNotices.get().orElseThrow(() -> new IllegalStateException("first notices are not running yet"));
            String done = switch (move) {
                case "save" -> {
                    notices.edit(actor, id, text(ctx));
                    yield words.get("done.save");
                }
                case "publish" -> words.get("done.publish", notices.publish(actor, id, text(ctx)).id());
                case "take" -> {
                    notices.take(actor, id);
                    yield words.get("done.take");
                }
                case "dismiss" -> {
                    notices.dismiss(actor, id);
                    yield words.get("done.dismiss");
                }
                default -> throw new UnknownTarget("draft action", move);
            };
            SessionGate.back(ctx, back, "notice", done);
        } catch (UnknownTarget | InvalidTransition | UpdateRefused | IllegalArgumentException | IllegalStateException e) {
            SessionGate.back(ctx, back, "error", e.getMessage());
        }
    }

    /** The text typed into the draft's form; empty when both boxes were left blank. */
    private static Text text(Context ctx) {
        String en = blankToNull(ctx.formParam("body_en"));
        String ja = blankToNull(ctx.formParam("body_ja"));
        return en == null && ja == null ? Text.EMPTY : Text.of(en, ja);
    }

    /** The language of every admin page ({@link SessionGate#text}): {@code ?lang=}, the form's {@code lang}, the switch's cookie, Accept-Language. */
    static String language(Context ctx) {
        return SessionGate.text(ctx).lang();
    }

    /** "4 min 10 s" or "4分10秒" until the draft publishes itself. */
    static String countdown(DraftWords words, Duration left) {
        if (left.isNegative() || left.isZero()) return words.get("overdue");
        long minutes = left.toMinutes();
        long seconds = left.toSecondsPart();
        String span = words.lang().equals("ja") ? (minutes > 0 ? minutes + "分" : "") + seconds + "秒"
                : (minutes > 0 ? minutes + " min " : "") + seconds + " s";
        return words.get("countdown", span);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
