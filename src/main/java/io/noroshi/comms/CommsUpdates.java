package io.noroshi.comms;

import io.noroshi.admin.UpdateDraft;
import io.noroshi.admin.UpdateReview;
import io.noroshi.incident.Incident;
import io.noroshi.web.ApiErrors.BadRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The communication feature's part in posting an incident update: the lint before it, and the
 * update's promises (next update by, estimate) read from its structured fields and stored with it.
 */
public final class CommsUpdates implements UpdateReview {

    public static final String NEXT_UPDATE_BY = "next_update_by";
    public static final String ESTIMATE_AT = "estimate_at";
    public static final String ESTIMATE_CONFIDENCE = "estimate_confidence";
    public static final Set<String> CONFIDENCES = Set.of("low", "medium", "high", "unknown");

    private final LintReview lint;
    private final UpdatePromises promises;

    /** @param promises stores and tracks what each update promised; null when only linting */
    public CommsUpdates(LintReview lint, UpdatePromises promises) {
        this.lint = lint;
        this.promises = promises;
    }

    @Override
    public Set<String> fields() {
        return Set.of(LintReview.OVERRIDE, NEXT_UPDATE_BY, ESTIMATE_AT, ESTIMATE_CONFIDENCE);
    }

    @Override
    public Map<String, Object> review(Optional<Incident> before, UpdateDraft draft) {
        Structured given = structured(draft.extras());
        var recorded = new LinkedHashMap<String, Object>(lint.review(before, draft, given.nextUpdateBy().isPresent(), given.estimateGiven()));
        given.nextUpdateBy().ifPresent(t -> recorded.put(NEXT_UPDATE_BY, t.toString()));
        given.confidence().ifPresent(c -> recorded.put("estimate", Map.of("at", given.estimateAt().map(Instant::toString).orElse(""), "confidence", c)));
        return recorded;
    }

    @Override
    public void stored(Incident after, UpdateDraft draft) {
        if (promises != null) promises.posted(after, structured(draft.extras()));
    }

    /** The structured promise fields of an update, validated (400 naming the field when malformed). */
    public static Structured structured(Map<String, String> extras) {
        Optional<Instant> next = Optional.ofNullable(extras.get(NEXT_UPDATE_BY)).filter(s -> !s.isBlank()).map(s -> instant(NEXT_UPDATE_BY, s));
        Optional<Instant> estimateAt = Optional.ofNullable(extras.get(ESTIMATE_AT)).filter(s -> !s.isBlank()).map(s -> instant(ESTIMATE_AT, s));
        Optional<String> confidence = Optional.ofNullable(extras.get(ESTIMATE_CONFIDENCE)).filter(s -> !s.isBlank());
        confidence.filter(c -> !CONFIDENCES.contains(c)).ifPresent(c -> {
            throw new BadRequest(ESTIMATE_CONFIDENCE, "must be one of low, medium, high, unknown, not '" + c + "'");
        });
        if (estimateAt.isPresent() && confidence.isEmpty()) {
            throw new BadRequest(ESTIMATE_CONFIDENCE, "an estimate needs its confidence (low, medium, high)");
        }
        if (estimateAt.isEmpty() && confidence.isPresent() && !confidence.get().equals("unknown")) {
            throw new BadRequest(ESTIMATE_AT, "is required with a " + confidence.get() + "-confidence estimate (or set the confidence to unknown)");
        }
        if (estimateAt.isPresent() && confidence.get().equals("unknown")) {
            throw new BadRequest(ESTIMATE_AT, "an unknown estimate has no time; leave estimate_at empty");
        }
        return new Structured(next, estimateAt, confidence);
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest(field, "must be an ISO-8601 UTC time such as 2026-03-01T09:30:00Z, not '" + value + "'");
        }
    }

    /**
     * An update's structured promises.
     *
     * @param confidence low, medium, high, or unknown (an explicit "no estimate")
     */
    public record Structured(Optional<Instant> nextUpdateBy, Optional<Instant> estimateAt, Optional<String> confidence) {
        public boolean estimateGiven() {
            return confidence.isPresent();
        }
    }
}
