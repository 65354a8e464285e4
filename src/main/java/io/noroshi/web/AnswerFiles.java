package io.noroshi.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole answers (status line, {@code Date}, header fields, body) of the large files readers ask for
 * without gzip, each in a sealed memory file that {@link Sendfile} sends to a socket in one call,
 * without copying the body out of the process. The {@code Date} line is part of the bytes, so an
 * answer holds for one second: the first reader of a file in a new second is copied to as before,
 * the second writes the answer's memory file (a copy of the body per second, not per reader). At most {@link #SLOTS} answers are kept;
 * writing one drops those of earlier seconds, so the memory files of pages nobody reads any more
 * are closed by the next reader of any other.
 * <p>
 * A memory file is closed only when no sender holds it: an answer counts its users, and the slot
 * it sits in is one of them. (Closing a descriptor another thread is about to send from could send
 * from whatever the number meant next.)
 */
final class AnswerFiles {

    private static final Logger log = LoggerFactory.getLogger(AnswerFiles.class);

    /**
     * Bodies from this many bytes are sent from memory files. At 5.6, 9.5 and 14 KB (summary.json,
     * /history and incidents.json of the demo) the hub's CPU per request measured the same either
     * way, within the machine's noise; at 62 KB (the home page) sendfile took it from 32 to 24 us.
     * Smaller bodies, the gzip ones among them, stay on the copy path, without a memory file per second.
     */
    static final int FROM = 16 * 1024;

    /** Answers kept at once: the home page in each language and a few incident pages. */
    static final int SLOTS = 8;

    /** First readers remembered: a page read once a second among up to this many others still gets its memory file. */
    private static final int SEEN = 16;

    private final Sendfile sendfile;
    private final AtomicReferenceArray<Answer> slots = new AtomicReferenceArray<>(SLOTS);
    private final LongAdder sent = new LongAdder();
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    /** The last files whose first reader of a second was copied to: their second reader gets a memory file. */
    private final AtomicReferenceArray<Seen> seen = new AtomicReferenceArray<>(SEEN);
    private final AtomicInteger nextSeen = new AtomicInteger();

    private record Seen(ServedFile file, byte[] date) { }

    AnswerFiles(Sendfile sendfile) {
        this.sendfile = sendfile;
    }

    /** Answer files where this JVM can send them (see {@link Sendfile#load()}), else null: large answers are copied. */
    static AnswerFiles load() {
        Sendfile sendfile = Sendfile.load();
        if (sendfile == null) return null;
        log.info("read path: answers from {} KB without gzip are sent with sendfile from sealed memory files", FROM / 1024);
        return new AnswerFiles(sendfile);
    }

    /** An answer's bytes in a memory file, for the second of its {@code Date} line. */
    static final class Answer {

        private final ServedFile file;
        private final byte[] date;
        private final byte[] head;
        private final Sendfile.MemoryFile memory;
        /** The slot's own hold (1 from creation) and every sender's. */
        private final AtomicInteger users = new AtomicInteger(1);

        private Answer(ServedFile file, byte[] date, byte[] head, Sendfile.MemoryFile memory) {
            this.file = file;
            this.date = date;
            this.head = head;
            this.memory = memory;
        }

        long length() {
            return memory.length();
        }

        /** The bytes from {@code offset} on, for a send the socket took only part of. */
        ByteBuffer[] rest(long offset, ByteBuffer body) {
            if (offset < head.length) {
                return new ByteBuffer[] {ByteBuffer.wrap(head, (int) offset, head.length - (int) offset), body.slice()};
            }
            return new ByteBuffer[] {body.slice((int) (offset - head.length), body.remaining() - (int) (offset - head.length))};
        }

        private boolean acquire() {
            while (true) {
                int n = users.get();
                if (n == 0) return false;
                if (users.compareAndSet(n, n + 1)) return true;
            }
        }

        void release() {
            if (users.decrementAndGet() == 0) memory.close();
        }
    }

    /** The descriptor of an endpoint's socket, or -1 when it has none (another kind of endpoint). */
    int descriptor(SelectableChannel channel) {
        return sendfile.descriptor(channel);
    }

    /**
     * The answer of {@code file} for the second of {@code date}, held for the caller (who must {@link Answer#release}
     * it), or null (the caller copies): for the first reader of the file in that second, or when no memory file can
     * be had. A memory file costs a copy of the body and four system calls, so it pays from the second reader of a
     * second on; a crawler reading every incident page once would otherwise make and close one per request.
     *
     * @param head the status line, {@code date}, header fields and blank line, used when the answer is written
     */
    Answer acquire(ServedFile file, byte[] date, byte[] head) {
        for (int i = 0; i < SLOTS; i++) {
            Answer answer = slots.get(i);
            if (answer != null && answer.file == file && answer.date == date && answer.acquire()) return answer;
        }
        if (firstReader(file, date)) return null;
        Answer created;
        try {
            created = new Answer(file, date, head, sendfile.create("noroshi-answer", head, file.body()));
        } catch (IOException | RuntimeException e) {
            if (failureLogged.compareAndSet(false, true)) {
                log.warn("read path: no memory file for a page's answer ({}); copying instead until one can be made", e.getMessage());
            }
            return null;
        }
        created.acquire();
        // Answers of earlier seconds are never sent again, nor an older one of this file.
        for (int i = 0; i < SLOTS; i++) {
            Answer old = slots.get(i);
            if (old != null && (old.file == file || old.date != date) && slots.compareAndSet(i, old, null)) old.release();
        }
        for (int i = 0; i < SLOTS; i++) {
            if (slots.compareAndSet(i, null, created)) return created;
        }
        // Every slot holds another file's answer of this second: this one serves its caller only.
        created.release();
        return created;
    }

    /** Whether this is the first request for {@code file} in the second of {@code date} among the last {@link #SEEN} first ones. */
    private boolean firstReader(ServedFile file, byte[] date) {
        for (int i = 0; i < SEEN; i++) {
            Seen last = seen.get(i);
            if (last != null && last.file == file && last.date == date) return false;
        }
        seen.set(nextSeen.getAndIncrement() & (SEEN - 1), new Seen(file, date));
        return true;
    }

    /** Sends {@code answer} to the socket: the number of bytes it took (0 when its buffer is full). */
    long send(int socket, Answer answer) throws IOException {
        long n = sendfile.send(socket, answer.memory, 0, answer.length());
        if (n == answer.length()) sent.increment();
        return n;
    }

    /** Answers sent whole from memory files so far (noroshi_snapshot_sendfile_answers_total on /metrics). */
    long sent() {
        return sent.sum();
    }

    /** Drops every kept answer (the server stopped); a file still being sent from closes when its sender is done. */
    void close() {
        for (int i = 0; i < SLOTS; i++) {
            Answer kept = slots.getAndSet(i, null);
            if (kept != null) kept.release();
        }
    }

    /** Memory files open now (tests: a page nobody reads keeps none for long). */
    int open() {
        int open = 0;
        for (int i = 0; i < SLOTS; i++) if (slots.get(i) != null) open++;
        return open;
    }
}
