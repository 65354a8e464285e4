package io.noroshi.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.monitor.AgentWire;
import io.noroshi.monitor.MonitorResult;
import io.noroshi.monitor.ProbeCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The agent's results not yet acknowledged by the hub, on disk: an append-only JSON-lines file
 * ({@code results.jsonl}), forced to disk after every result, numbered by a sequence that only
 * grows ({@code acknowledged} remembers the last number the hub confirmed). An acknowledged upload
 * truncates the file to what is still unconfirmed. A torn last line from a crash is skipped.
 * Thread-safe.
 */
final class ResultBuffer implements AutoCloseable {

    static final String FILE = "results.jsonl";
    static final String ACKNOWLEDGED = "acknowledged";

    private final Path dir;
    private final ObjectMapper json = ProbeCodec.mapper();
    private final Deque<AgentWire.Result> pending = new ArrayDeque<>();
    private FileChannel out;
    private long lastSequence;

    ResultBuffer(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            Path ack = dir.resolve(ACKNOWLEDGED);
            lastSequence = Files.exists(ack) ? Long.parseLong(Files.readString(ack).strip()) : 0;
            Path file = dir.resolve(FILE);
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    try {
                        AgentWire.Result r = json.readValue(line, AgentWire.Result.class);
                        if (r.seq() > lastSequence) {
                            pending.add(r);
                            lastSequence = r.seq();
                        }
                    } catch (IOException torn) {
                        // A line cut short by a crash: its result was never acknowledged, nor complete.
                    }
                }
            }
            out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException | NumberFormatException e) {
            throw new AgentException("cannot open the result buffer in " + dir + ": " + e.getMessage());
        }
    }

    /** Numbers {@code result}, writes it and forces it to disk before returning. */
    synchronized AgentWire.Result append(MonitorResult result) {
        var r = new AgentWire.Result(++lastSequence, result.monitorId(), result.result().outcome().name().toLowerCase(Locale.ROOT),
                result.result().startedAt().toEpochMilli(), result.result().latency().toMillis(), result.result().message());
        try {
            out.write(ByteBuffer.wrap((json.writeValueAsString(r) + "\n").getBytes(StandardCharsets.UTF_8)));
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result buffer in " + dir, e);
        }
        pending.add(r);
        return r;
    }

    /** The oldest unacknowledged results, at most {@code max}, in sequence order. */
    synchronized List<AgentWire.Result> oldest(int max) {
        return pending.stream().limit(max).toList();
    }

    synchronized int size() {
        return pending.size();
    }

    /** Drops everything up to {@code sequence} and shrinks the file to the rest. */
    synchronized void acknowledge(long sequence) {
        if (pending.isEmpty() || pending.peekFirst().seq() > sequence) return;
        while (!pending.isEmpty() && pending.peekFirst().seq() <= sequence) pending.removeFirst();
        try {
            replace(dir.resolve(ACKNOWLEDGED), Long.toString(Math.max(sequence, 0)));
            var rest = new StringBuilder();
            for (AgentWire.Result r : pending) rest.append(json.writeValueAsString(r)).append('\n');
            out.close();
            replace(dir.resolve(FILE), rest.toString());
            out = FileChannel.open(dir.resolve(FILE), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate the result buffer in " + dir, e);
        }
    }

    /** Continues numbering above {@code sequence} (the hub knows of results this buffer forgot). */
    synchronized void continueAbove(long sequence) {
        lastSequence = Math.max(lastSequence, sequence);
    }

    private static void replace(Path target, String content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // Everything written was already forced; nothing to save.
        }
    }
}
