package io.noroshi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.noroshi.statuspage.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole answers in sealed memory files ({@link AnswerFiles}) through this JVM's real sendfile and real loopback
 * sockets: one file per served file and second, closed only when nobody sends from it, its bytes unchangeable,
 * and what a full socket buffer did not take handed back exactly.
 */
class AnswerFilesTest {

    private static final byte[] BODY = "<p>ninety days of bars</p>\n".repeat(2_000).getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECOND_1 = "Date: Wed, 02 Dec 2026 15:00:00 GMT\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SECOND_2 = "Date: Wed, 02 Dec 2026 15:00:01 GMT\r\n".getBytes(StandardCharsets.US_ASCII);

    private AnswerFiles answers;
    private final List<AutoCloseable> sockets = new ArrayList<>();
    /** Readers and senders each on a thread of their own (the common pool has one thread on two cores). */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void load() {
        // JDK 22+ on Linux with java.base/sun.nio.ch exported (the jar's manifest, surefire's argLine): there must be
        // a sendfile, or the hub would copy every large page without anyone noticing.
        assumeTrue(Runtime.version().feature() >= 22, "sendfile needs the foreign function API of JDK 22+");
        answers = AnswerFiles.load();
        assertThat(answers).as("sendfile on JDK %s", Runtime.version().feature()).isNotNull();
    }

    @AfterEach
    void closeSockets() throws Exception {
        for (AutoCloseable socket : sockets) socket.close();
        threads.shutdownNow();
        if (answers != null) answers.close();
    }

    @Test
    void aFilesAnswerIsOneMemoryFilePerSecondAndASendersHoldKeepsItOpen() throws IOException {
        int before = openMemoryFiles();
        ServedFile page = page(BODY);

        AnswerFiles.Answer first = held(page, SECOND_1);
        AnswerFiles.Answer again = answers.acquire(page, SECOND_1, head(SECOND_1));
        assertThat(again).isSameAs(first);
        assertThat(openMemoryFiles()).isEqualTo(before + 1);

        AnswerFiles.Answer next = held(page, SECOND_2);
        assertThat(next).isNotSameAs(first);
        assertThat(openMemoryFiles()).as("the earlier second's file, still held by its senders").isEqualTo(before + 2);

        first.release();
        assertThat(openMemoryFiles()).isEqualTo(before + 2);
        again.release();
        assertThat(openMemoryFiles()).as("closed by its last sender").isEqualTo(before + 1);
        next.release();
        assertThat(answers.open()).isEqualTo(1);
        assertThat(openMemoryFiles()).as("the current second's answer stays for its next reader").isEqualTo(before + 1);
    }

    /** A page read once in a second (a crawler's visit) is copied: no memory file is made and closed for one reader. */
    @Test
    void aPagesFirstReaderInASecondMakesNoMemoryFile() throws IOException {
        int before = openMemoryFiles();
        ServedFile page = page(BODY);

        assertThat(answers.acquire(page, SECOND_1, head(SECOND_1))).isNull();
        assertThat(openMemoryFiles()).isEqualTo(before);
        assertThat(answers.acquire(page(BODY), SECOND_1, head(SECOND_1))).as("another file's first reader").isNull();
        assertThat(openMemoryFiles()).isEqualTo(before);

        AnswerFiles.Answer second = answers.acquire(page, SECOND_1, head(SECOND_1));
        assertThat(second).isNotNull();
        second.release();
        assertThat(openMemoryFiles()).isEqualTo(before + 1);
        assertThat(answers.acquire(page, SECOND_2, head(SECOND_2))).as("the first reader of the next second").isNull();
    }

    @Test
    void closingDropsTheKeptFilesButNotOneBeingSent() throws IOException {
        int before = openMemoryFiles();
        AnswerFiles.Answer sending = held(page(BODY), SECOND_1);
        held(page(BODY), SECOND_1).release();
        assertThat(openMemoryFiles()).isEqualTo(before + 2);

        answers.close();

        assertThat(answers.open()).isZero();
        assertThat(openMemoryFiles()).as("the one still being sent").isEqualTo(before + 1);
        sending.release();
        assertThat(openMemoryFiles()).isEqualTo(before);
    }

    @Test
    void pagesNobodyReadsAnyMoreKeepNoMemoryFile() throws IOException {
        int before = openMemoryFiles();
        for (int i = 0; i < AnswerFiles.SLOTS + 4; i++) {
            held(page(("<p>incident " + i + "</p>").repeat(2_000).getBytes(StandardCharsets.UTF_8)), SECOND_1).release();
        }
        assertThat(answers.open()).isEqualTo(AnswerFiles.SLOTS);
        assertThat(openMemoryFiles()).as("beyond the slots an answer serves its reader and is closed").isEqualTo(before + AnswerFiles.SLOTS);

        held(page(BODY), SECOND_2).release();

        assertThat(answers.open()).isEqualTo(1);
        assertThat(openMemoryFiles()).isEqualTo(before + 1);
    }

    @Test
    void aMemoryFilesBytesCannotBeChanged() throws IOException {
        List<Path> before = memoryFiles();
        AnswerFiles.Answer answer = held(page(BODY), SECOND_1);
        try {
            List<Path> created = new ArrayList<>(memoryFiles());
            created.removeAll(before);
            assertThat(created).hasSize(1);
            Path file = created.getFirst();
            assertThat(Files.readAllBytes(file)).isEqualTo(concat(head(SECOND_1), BODY));
            assertThatThrownBy(() -> Files.write(file, new byte[] {'x'}, StandardOpenOption.WRITE))
                    .isInstanceOf(IOException.class);
            assertThat(Files.readAllBytes(file)).isEqualTo(concat(head(SECOND_1), BODY));
        } finally {
            answer.release();
        }
    }

    /** From a body on the heap too: a file a publish just changed stays there until its site settles (ServedSite). */
    @Test
    void anAnswerArrivesWholeInOneSend() throws Exception {
        SocketChannel[] pair = pair();
        ServedFile page = ServedFile.of(Resource.of("text/html; charset=utf-8", BODY), true, false);
        assertThat(page.body().isDirect()).isFalse();
        AnswerFiles.Answer answer = held(page, SECOND_1);
        CompletableFuture<byte[]> received = readAsync(pair[1], (int) answer.length());

        long sent = answers.send(answers.descriptor(pair[0]), answer);
        answer.release();

        assertThat(sent).isEqualTo(answer.length());
        assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(concat(head(SECOND_1), BODY));
        assertThat(answers.sent()).isEqualTo(1);
    }

    /** A full socket buffer takes part of the answer; the rest, written as any answer, completes it exactly. */
    @Test
    void whatAFullSocketDidNotTakeIsTheRestExactly() throws Exception {
        SocketChannel[] pair = pair();
        pair[0].setOption(StandardSocketOptions.SO_SNDBUF, 4096);
        byte[] body = "0123456789abcdef".repeat(40_000).getBytes(StandardCharsets.US_ASCII);  // 640 KB
        ServedFile page = page(body);
        AnswerFiles.Answer answer = held(page, SECOND_1);

        long sent = answers.send(answers.descriptor(pair[0]), answer);
        assertThat(sent).as("the socket took part").isGreaterThan(0).isLessThan(answer.length());
        ByteBuffer[] rest = answer.rest(sent, page.body());
        answer.release();
        CompletableFuture<byte[]> received = readAsync(pair[1], (int) answer.length());
        pair[0].configureBlocking(true);
        while (Arrays.stream(rest).anyMatch(ByteBuffer::hasRemaining)) pair[0].write(rest);

        assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(concat(head(SECOND_1), body));
        assertThat(answers.sent()).as("a partial send is not counted as whole").isZero();
    }

    /**
     * Two threads send while the second changes under them (a new memory file, the old one closed by its last
     * sender): every reader gets exactly the answers of one file or the other, whole. A descriptor closed too early
     * would fail the send, or send from whatever file the number meant next.
     */
    @Test
    void sendersAcrossSecondsNeverSendFromAClosedFile() throws Exception {
        int before = openMemoryFiles();
        ServedFile page = page(BODY);
        int rounds = 400;
        var senders = new ArrayList<CompletableFuture<Void>>();
        var readers = new ArrayList<CompletableFuture<byte[]>>();
        for (int t = 0; t < 2; t++) {
            SocketChannel[] pair = pair();
            long length = head(SECOND_1).length + BODY.length;
            readers.add(readAsync(pair[1], (int) (length * rounds)));
            senders.add(CompletableFuture.runAsync(() -> {
                try {
                    int socket = answers.descriptor(pair[0]);
                    for (int i = 0; i < rounds; i++) {
                        byte[] date = (i / 10) % 2 == 0 ? SECOND_1 : SECOND_2;
                        AnswerFiles.Answer answer = answers.acquire(page, date, head(date));
                        ByteBuffer[] rest;
                        if (answer == null) {
                            rest = new ByteBuffer[] {ByteBuffer.wrap(head(date)), page.body().slice()};  // copied, as the hub does
                        } else {
                            try {
                                long sent = answers.send(socket, answer);
                                rest = sent < answer.length() ? answer.rest(sent, page.body()) : new ByteBuffer[0];
                            } finally {
                                answer.release();
                            }
                        }
                        while (Arrays.stream(rest).anyMatch(ByteBuffer::hasRemaining)) {
                            if (pair[0].write(rest) == 0) Thread.onSpinWait();
                        }
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, threads));
        }
        CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        byte[] one = concat(head(SECOND_1), BODY);
        byte[] two = concat(head(SECOND_2), BODY);
        for (CompletableFuture<byte[]> reader : readers) {
            byte[] stream = reader.get(60, TimeUnit.SECONDS);
            for (int at = 0; at < stream.length; at += one.length) {
                byte[] answer = Arrays.copyOfRange(stream, at, at + one.length);
                assertThat(Arrays.equals(answer, one) || Arrays.equals(answer, two)).as("answer at byte %d", at).isTrue();
            }
        }
        // Two senders may each write the same second's answer at once; the next second's drops both.
        assertThat(answers.open()).isBetween(1, 2);
        assertThat(openMemoryFiles()).as("every released answer's file closed").isEqualTo(before + answers.open());
    }

    /** The answer as the second reader of a second gets it: the first is copied to (null), the second gets a memory file. */
    private AnswerFiles.Answer held(ServedFile page, byte[] date) {
        AnswerFiles.Answer answer = answers.acquire(page, date, head(date));
        if (answer == null) answer = answers.acquire(page, date, head(date));
        assertThat(answer).isNotNull();
        return answer;
    }

    private static ServedFile page(byte[] body) {
        return ServedFile.of(Resource.of("text/html; charset=utf-8", body), true, true);
    }

    private static byte[] head(byte[] date) {
        return concat("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII), date,
                "Content-Type: text/html\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** A connected loopback pair: [0] the non-blocking sending side (as the hub's), [1] the reading side. */
    private SocketChannel[] pair() throws IOException {
        try (var server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            var reader = SocketChannel.open(server.getLocalAddress());
            var sender = server.accept();
            sender.configureBlocking(false);
            sockets.add(reader);
            sockets.add(sender);
            return new SocketChannel[] {sender, reader};
        }
    }

    private CompletableFuture<byte[]> readAsync(SocketChannel channel, int length) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                InputStream in = Channels.newInputStream(channel);
                var out = new ByteArrayOutputStream(length);
                byte[] chunk = new byte[65536];
                while (out.size() < length) {
                    int n = in.read(chunk, 0, Math.min(chunk.length, length - out.size()));
                    if (n < 0) break;
                    out.write(chunk, 0, n);
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, threads);
    }

    private static List<Path> memoryFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("/memfd:noroshi-answer");
                } catch (IOException gone) {
                    return false;
                }
            }).toList();
        }
    }

    private static int openMemoryFiles() throws IOException {
        return memoryFiles().size();
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }
}
