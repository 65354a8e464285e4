package io.noroshi.admin;

import java.util.List;
import java.util.Map;

/**
 * An update not published because a review found problems in it (HTTP 422 with the findings);
 * posting it again with {@code override} set publishes it, and the audit log records the override.
 *
 * @see UpdateReview
 */
public final class UpdateRefused extends RuntimeException {

    private final String override;
    private final List<Map<String, Object>> findings;

    /**
     * @param override the field that publishes over the findings
     * @param findings each with rule, severity, message, suggestion (and the language it is about)
     */
    public UpdateRefused(String message, String override, List<Map<String, Object>> findings) {
        super(message);
        this.override = override;
        this.findings = List.copyOf(findings);
    }

    public String override() {
        return override;
    }

    public List<Map<String, Object>> findings() {
        return findings;
    }
}
