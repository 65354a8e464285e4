package io.noroshi.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * The latest run of the scheduled live audit of one domain.
 *
 * @param domain      the audited domain, as configured
 * @param at          when the latest run ended, successful or not
 * @param error       why the latest run failed; empty when it succeeded
 * @param lastSuccess when the latest successful run ended; empty before the first
 */
public record AuditRun(String domain, Instant at, Optional<String> error, Optional<Instant> lastSuccess) {

    public boolean failed() {
        return error.isPresent();
    }
}
