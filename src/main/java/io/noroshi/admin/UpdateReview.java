package io.noroshi.admin;

import io.noroshi.incident.Incident;
import java.util.Map;
import java.util.Set;

/**
 * What another feature adds to posting an incident update (the communication feature's lint and
 * next-update promise): a check before the write, and its own records inside the write's transaction.
 */
public interface UpdateReview {

    /** Does nothing: every update goes through as written. */
    UpdateReview NONE = new UpdateReview() {
        @Override
        public Set<String> fields() {
            return Set.of();
        }

        @Override
        public Map<String, Object> review(java.util.Optional<Incident> before, UpdateDraft draft) {
            return Map.of();
        }

        @Override
        public void stored(Incident after, UpdateDraft draft) {
        }
    };

    /** The update fields this review reads from {@link UpdateDraft#extras()}, as the API and the form name them. */
    Set<String> fields();

    /**
     * Checks an update before it is stored.
     *
     * @param before the incident as it stands, empty when the update opens it
     *
     * @return what the audit entry of the update records besides the update (e.g. the findings published over)
     * @throws UpdateRefused when the update should not be published as it is
     * @throws io.noroshi.web.ApiErrors.BadRequest when an extra field is malformed
     */
    Map<String, Object> review(java.util.Optional<Incident> before, UpdateDraft draft);

    /** Inside the update's transaction, once it is stored: the review's own records. */
    void stored(Incident after, UpdateDraft draft);
}
