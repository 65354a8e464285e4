package io.noroshi.comms;

import io.noroshi.notify.Notice;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TeamMessenger} that keeps what it was asked to send, in order (the reminders are also
 * stored with their recipients, which the admin incident page and the report show). The hub uses it
 * until the notifications outbox is wired in; tests read it.
 */
public final class RecordingMessenger implements TeamMessenger {

    /** One message: to whom, what. */
    public record Told(String to, Notice notice) {
    }

    private final List<Told> told = new ArrayList<>();

    @Override
    public synchronized void tell(String personOrRole, Notice notice) {
        told.add(new Told(personOrRole, notice));
    }

    public synchronized List<Told> told() {
        return List.copyOf(told);
    }
}
