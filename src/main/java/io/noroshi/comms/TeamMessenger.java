package io.noroshi.comms;

import io.noroshi.notify.Notice;

/**
 * Tells someone on the incident team something: a reminder that an update is due, a warning that an
 * estimate is about to pass, an escalation. The notifications feature delivers it on the person's own
 * channels (the hub: {@link RecordingMessenger} in front of the notification routes listening to {@code reminder}).
 */
@FunctionalInterface
public interface TeamMessenger {

    /**
     * @param personOrRole a person's name from the on-call roster, or a role ({@code commander},
     *                     {@code comms-lead}) when nobody holds it
     */
    void tell(String personOrRole, Notice notice);
}
