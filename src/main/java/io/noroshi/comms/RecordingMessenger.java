package io.noroshi.comms;

import io.noroshi.notify.Notice;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A {@link TeamMessenger} that keeps the latest messages it was asked to send, in order, and hands each on to
 * the messenger that delivers it (the hub's: the notification routes listening to {@code reminder}). The
 * reminders themselves are stored with their recipients by communication (the admin incident page and the
 * report show them); this short memory is for tests and a look at what went out last.
 */
public final class RecordingMessenger implements TeamMessenger {

    /** How many messages are kept: the oldest is dropped first. */
    static final int KEPT = 200;

    /** One message: to whom, what. */
    public record Told(String to, Notice notice) {
    }

    private final Deque<Told> told = new ArrayDeque<>();
    private final TeamMessenger next;

    /** Keeps what it is told and delivers nothing. */
    public RecordingMessenger() {
        this((to, notice) -> { });
    }

    /** @param next delivers each message after it is kept */
    public RecordingMessenger(TeamMessenger next) {
        this.next = next;
    }

    @Override
    public void tell(String personOrRole, Notice notice) {
        synchronized (this) {
            if (told.size() == KEPT) told.removeFirst();
            told.addLast(new Told(personOrRole, notice));
        }
        next.tell(personOrRole, notice);
    }

    public synchronized List<Told> told() {
        return List.copyOf(told);
    }
}
