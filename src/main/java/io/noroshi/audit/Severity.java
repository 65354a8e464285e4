package io.noroshi.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a finding matters, most severe first; the audit's exit code follows the worst one. */
public enum Severity {
    /** The setup will fail as a whole when one part fails, or is broken now. */
    ERROR,
    /** A single point of failure or a departure from a recommendation with real risk. */
    WARNING,
    /** Worth knowing; some share a failure domain, or a recommendation is only partly met. */
    NOTICE,
    /** Context for the reader, e.g. what the audit could not know. */
    INFO;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
