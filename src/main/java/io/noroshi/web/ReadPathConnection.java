package io.noroshi.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.io.SelectableChannelEndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/**
 * The first connection on every socket: answers the plain requests for the public snapshot itself
 * ({@code GET} or {@code HEAD} over HTTP/1.1 of a pre-rendered file, with or without gzip and
 * {@code If-None-Match}) and hands the socket to Jetty's HTTP/1.1 connection at the first request
 * that is anything else, with the bytes it has read. A status page's crowd sends only such plain
 * requests; Jetty's parser, request and response objects cost about as much CPU per request as the
 * kernel's whole TCP work, and at 1,000 readers the hub used 1.4 times nginx's CPU per request.
 * <p>
 * What is answered here answers exactly as {@link SnapshotHandler} does (the same header fields in
 * the same order). Whatever this parser does not fully understand is not judged here but handed
 * over: another method or version, a body, an encoded or dotted path, an absent or repeated Host,
 * a folded or malformed header line, a header block larger than the read buffer, a path that is
 * not a current snapshot file. Jetty then answers it, errors included, as before.
 * <p>
 * A large answer without gzip to a keep-alive reader (the home page, 62 KB in the demo) goes out in one
 * {@code sendfile} from a memory file holding the whole answer ({@link AnswerFiles}), so its body is not
 * copied out of the process for every reader; what a full socket buffer does not take is written as any
 * other answer, through the endpoint.
 */
final class ReadPathConnection extends AbstractConnection.NonBlocking implements Connection.UpgradeFrom {

    private static final byte[] OK = "HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOT_MODIFIED = "HTTP/1.1 304 Not Modified\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte CR = '\r', LF = '\n';
    private static final int UNKNOWN = -2;

    private final Connector connector;
    private final HttpConnectionFactory jetty;
    private final SnapshotHolder holder;
    private final SnapshotHandler counts;
    /** Large answers sent whole from memory files, or null where this JVM cannot (then they are copied). */
    private final AnswerFiles answers;
    private final ByteBufferPool pool;
    private final int bufferSize;
    private final Callback written = Callback.from(InvocationType.NON_BLOCKING, this::onWritten, this::onWriteFailed);
    /** Bytes read and not yet answered; null while there are none (an idle connection holds no buffer). */
    private RetainableByteBuffer in;
    /** A response is being written that did not complete within its write call. */
    private boolean writing;
    /** Within the endpoint's write call: a completion now is inline, the caller goes on. */
    private boolean inWriteCall;
    /** Set by the write's callback when it completed within the write call. */
    private boolean writtenInline;
    /** The response being written ends the connection. */
    private boolean closeAfterWrite;
    /** The socket's descriptor for {@link #answers}: UNKNOWN until the first large answer, -1 when there is none. */
    private int socket = UNKNOWN;

    ReadPathConnection(EndPoint endPoint, Connector connector, HttpConnectionFactory jetty, SnapshotHolder holder,
                       SnapshotHandler counts, AnswerFiles answers, int bufferSize) {
        super(endPoint, connector.getExecutor());
        this.connector = connector;
        this.jetty = jetty;
        this.holder = holder;
        this.counts = counts;
        this.answers = answers;
        this.pool = connector.getByteBufferPool();
        this.bufferSize = bufferSize;
    }

    @Override
    public void onOpen() {
        super.onOpen();
        fillInterested();
    }

    /** Runs on the selector thread (a non-blocking connection): nothing here blocks. */
    @Override
    public void onFillable() {
        try {
            while (true) {
                if (in == null) in = pool.acquire(bufferSize, true);
                ByteBuffer buffer = in.getByteBuffer();
                if (BufferUtil.space(buffer) == 0) {
                    BufferUtil.compact(buffer);
                    // A header block larger than the buffer: Jetty answers it (431) by its own limits.
                    if (BufferUtil.space(buffer) == 0) {
                        handOver();
                        return;
                    }
                }
                int filled = getEndPoint().fill(buffer);
                if (filled < 0) {
                    // The reader closed; a request it left unfinished has nobody to read an answer.
                    getEndPoint().close();
                    return;
                }
                if (filled == 0) {
                    releaseIfEmpty();
                    fillInterested();
                    return;
                }
                if (!answerBuffered()) return;
            }
        } catch (Throwable failure) {
            getEndPoint().close(failure);
        }
    }

    /**
     * Answers every complete request in the buffer. Returns true to read more, false when this
     * connection is done for now: a write pending, the socket handed over or closing.
     */
    private boolean answerBuffered() {
        while (in != null && in.hasRemaining()) {
            ByteBuffer buffer = in.getByteBuffer();
            int end = headEnd(buffer);
            if (end == NEED_MORE) return true;
            if (end == HAND_OVER || !answer(buffer, end)) {
                handOver();
                return false;
            }
            if (writing || closeAfterWrite || !getEndPoint().isOpen()) return false;
        }
        releaseIfEmpty();
        return true;
    }

    private static final int NEED_MORE = -1, HAND_OVER = -2;

    /** The index just past the blank line that ends the first request's header block, or NEED_MORE, or HAND_OVER. */
    private static int headEnd(ByteBuffer buffer) {
        int start = buffer.position();
        for (int i = start, limit = buffer.limit(); i < limit; i++) {
            if (buffer.get(i) != LF) continue;
            if (i == start || buffer.get(i - 1) != CR) return HAND_OVER;  // a bare LF: leave the leniency to Jetty
            if (i - start >= 3 && buffer.get(i - 2) == LF && buffer.get(i - 3) == CR) return i + 1;
        }
        return NEED_MORE;
    }

    /**
     * Parses the request in [position, end) and writes its answer when it is one for the snapshot;
     * returns false (consuming nothing) when Jetty is to answer it.
     */
    private boolean answer(ByteBuffer buffer, int end) {
        int p = buffer.position();
        boolean head;
        if (startsWith(buffer, p, "GET ")) {
            head = false;
            p += 4;
        } else if (startsWith(buffer, p, "HEAD ")) {
            head = true;
            p += 5;
        } else {
            return false;
        }
        if (buffer.get(p) != '/') return false;
        int pathStart = p, queryStart = -1;
        for (; buffer.get(p) != ' '; p++) {
            byte b = buffer.get(p);
            if (queryStart < 0) {
                if (b == '?') queryStart = p + 1;
                else if (!pathByte(b) || (b == '.' && buffer.get(p - 1) == '/')) return false;
            } else if (b <= ' ' || b >= 0x7f || b == '#') {
                return false;
            }
        }
        int targetEnd = p;
        int pathEnd = queryStart < 0 ? targetEnd : queryStart - 1;
        if (!startsWith(buffer, p, " HTTP/1.1\r\n")) return false;
        p += 11;

        int hosts = 0;
        String acceptLanguage = null, ifNoneMatch = null;
        boolean gzip = false, close = false, sawEncoding = false;
        while (p < end - 2) {
            int lineEnd = p;
            for (byte b; (b = buffer.get(lineEnd)) != CR; lineEnd++) {
                if ((b < ' ' && b != '\t') || b == 0x7f) return false;  // control characters: Jetty refuses them
            }
            if (buffer.get(lineEnd + 1) != LF) return false;
            int colon = p;
            while (colon < lineEnd && tokenByte(buffer.get(colon))) colon++;
            if (colon == p || colon == lineEnd || buffer.get(colon) != ':') return false;  // folded, malformed, or space before ':'
            int valueStart = colon + 1, valueEnd = lineEnd;
            while (valueStart < valueEnd && isSpace(buffer.get(valueStart))) valueStart++;
            while (valueEnd > valueStart && isSpace(buffer.get(valueEnd - 1))) valueEnd--;
            switch (colon - p) {
                case 4 -> {
                    if (nameIs(buffer, p, "host")) {
                        if (++hosts > 1 || !hostValue(buffer, valueStart, valueEnd)) return false;
                    }
                }
                case 6 -> {
                    if (nameIs(buffer, p, "expect")) return false;
                }
                case 7 -> {
                    if (nameIs(buffer, p, "upgrade")) return false;
                }
                case 10 -> {
                    if (nameIs(buffer, p, "connection")) {
                        if (close) return false;
                        if (equalsIgnoreCase(buffer, valueStart, valueEnd, "close")) close = true;
                        else if (!equalsIgnoreCase(buffer, valueStart, valueEnd, "keep-alive")) return false;
                    }
                }
                case 13 -> {
                    if (nameIs(buffer, p, "if-none-match")) {
                        if (ifNoneMatch != null) return false;
                        ifNoneMatch = string(buffer, valueStart, valueEnd);
                    }
                }
                case 14 -> {
                    if (nameIs(buffer, p, "content-length")) return false;
                }
                case 15 -> {
                    if (nameIs(buffer, p, "accept-encoding")) {
                        if (sawEncoding) return false;
                        sawEncoding = true;
                        gzip = acceptsGzip(buffer, valueStart, valueEnd);
                    } else if (nameIs(buffer, p, "accept-language")) {
                        if (acceptLanguage != null) return false;
                        acceptLanguage = string(buffer, valueStart, valueEnd);
                    }
                }
                case 17 -> {
                    if (nameIs(buffer, p, "transfer-encoding")) return false;
                }
                default -> { }
            }
            p = lineEnd + 2;
        }
        if (hosts != 1) return false;

        ServedSite site = holder.site();
        if (site == null) return false;
        String path = string(buffer, pathStart, pathEnd);
        String query = queryStart < 0 ? null : string(buffer, queryStart, targetEnd);
        ServedFile file = site.file(RequestPaths.resolve(site, path, query, acceptLanguage));
        if (file == null) return false;

        buffer.position(end);
        respond(file, head, gzip, close, ifNoneMatch);
        return true;
    }

    private void respond(ServedFile file, boolean headOnly, boolean gzip, boolean close, String ifNoneMatch) {
        byte[] status;
        byte[] fields;
        ByteBuffer body = null;
        if (file.matches(ifNoneMatch)) {
            counts.countNotModified();
            status = NOT_MODIFIED;
            fields = file.notModifiedFields();
        } else {
            counts.countServed();
            status = OK;
            boolean compressed = gzip && file.gzipped() != null;
            fields = compressed ? file.gzipFields() : file.identityFields();
            if (!headOnly) body = (compressed ? file.gzipped() : file.body()).slice();
        }
        byte[] date = DateLine.current();
        byte[] head = head(status, date, fields, close);
        closeAfterWrite = close;
        if (body != null && !close && answers != null && body.remaining() >= AnswerFiles.FROM && sendWhole(file, date, head, body)) {
            return;
        }
        if (body == null) write(ByteBuffer.wrap(head));
        else write(ByteBuffer.wrap(head), body);
    }

    /** The status line, Date line, header fields and the blank line that ends them. */
    private static byte[] head(byte[] status, byte[] date, byte[] fields, boolean close) {
        byte[] bytes = new byte[status.length + date.length + fields.length + (close ? CLOSE.length : 0) + 2];
        int at = put(bytes, 0, status);
        at = put(bytes, at, date);
        at = put(bytes, at, fields);
        if (close) at = put(bytes, at, CLOSE);
        bytes[at] = CR;
        bytes[at + 1] = LF;
        return bytes;
    }

    /**
     * Sends the whole answer from its memory file ({@link AnswerFiles}) in one call; the part the socket's buffer
     * did not take is written as any answer. False when there is no memory file to send from: the caller copies.
     */
    private boolean sendWhole(ServedFile file, byte[] date, byte[] head, ByteBuffer body) {
        if (socket == UNKNOWN) {
            socket = getEndPoint() instanceof SelectableChannelEndPoint channel ? answers.descriptor(channel.getChannel()) : -1;
        }
        if (socket < 0) return false;
        AnswerFiles.Answer answer = answers.acquire(file, date, head);
        if (answer == null) return false;
        long sent;
        ByteBuffer[] rest = null;
        try {
            sent = answers.send(socket, answer);
            if (sent < answer.length()) rest = answer.rest(sent, body);
        } catch (IOException failure) {
            getEndPoint().close(failure);
            return true;
        } finally {
            answer.release();
        }
        if (rest != null) write(rest);
        return true;
    }

    /** Writes an answer through the endpoint, which waits for the socket's room when it must. */
    private void write(ByteBuffer... buffers) {
        writtenInline = false;
        inWriteCall = true;
        writing = true;
        try {
            getEndPoint().write(written, buffers);
        } finally {
            inWriteCall = false;
        }
        if (writtenInline) {
            writing = false;
            if (closeAfterWrite) closeAfterLastResponse();
        }
    }

    private void onWritten() {
        if (inWriteCall) {
            writtenInline = true;
            return;
        }
        // Completed later, on the selector thread: go on with what is buffered, then read.
        writing = false;
        if (closeAfterWrite) {
            closeAfterLastResponse();
            return;
        }
        try {
            if (answerBuffered()) onFillable();
        } catch (Throwable failure) {
            getEndPoint().close(failure);
        }
    }

    private void onWriteFailed(Throwable failure) {
        writing = false;
        getEndPoint().close(failure);
    }

    /** As Jetty after a last response; PromptCloseEndPoint closes at once when the reader sent nothing more. */
    private void closeAfterLastResponse() {
        releaseIn();
        getEndPoint().shutdownOutput();
        if (getEndPoint().isOpen()) drainUntilClosed();
    }

    /** After a last response the reader sent more: read and drop it until the reader closes (or the idle timeout). */
    private void drainUntilClosed() {
        getEndPoint().fillInterested(Callback.from(InvocationType.NON_BLOCKING, () -> {
            try {
                ByteBuffer scratch = BufferUtil.allocate(1024);
                while (true) {
                    int n = getEndPoint().fill(scratch);
                    if (n < 0) {
                        getEndPoint().close();
                        return;
                    }
                    if (n == 0) break;
                    BufferUtil.clear(scratch);
                }
                drainUntilClosed();
            } catch (Throwable failure) {
                getEndPoint().close(failure);
            }
        }, failure -> getEndPoint().close(failure)));
    }

    /** Gives the socket, with the bytes read and not answered, to Jetty's HTTP/1.1 connection. */
    private void handOver() {
        getEndPoint().upgrade(jetty.newConnection(connector, getEndPoint()));
    }

    @Override
    public ByteBuffer onUpgradeFrom() {
        if (in == null || !in.hasRemaining()) {
            releaseIn();
            return null;
        }
        ByteBuffer rest = BufferUtil.allocate(in.remaining());
        BufferUtil.append(rest, in.getByteBuffer());
        releaseIn();
        return rest;
    }

    @Override
    public void onClose(Throwable cause) {
        releaseIn();
        super.onClose(cause);
    }

    private void releaseIfEmpty() {
        if (in != null && !in.hasRemaining()) releaseIn();
    }

    private void releaseIn() {
        RetainableByteBuffer buffer = in;
        in = null;
        if (buffer != null) buffer.release();
    }

    private static int put(byte[] to, int at, byte[] from) {
        System.arraycopy(from, 0, to, at, from.length);
        return at + from.length;
    }

    private static boolean startsWith(ByteBuffer buffer, int at, String ascii) {
        if (buffer.limit() - at < ascii.length()) return false;
        for (int i = 0; i < ascii.length(); i++) {
            if (buffer.get(at + i) != ascii.charAt(i)) return false;
        }
        return true;
    }

    /** A header name, compared without regard to case; {@code lower} is lower case and of the name's length. */
    private static boolean nameIs(ByteBuffer buffer, int at, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            if ((buffer.get(at + i) | 0x20) != lower.charAt(i)) return false;
        }
        return true;
    }

    private static boolean equalsIgnoreCase(ByteBuffer buffer, int from, int to, String lower) {
        return to - from == lower.length() && nameIs(buffer, from, lower);
    }

    /** The gzip test of {@link SnapshotHandler}: mentions gzip and does not refuse it with {@code gzip;q=0}. */
    private static boolean acceptsGzip(ByteBuffer buffer, int from, int to) {
        boolean gzip = false;
        for (int i = from; i + 4 <= to; i++) {
            if (buffer.get(i) == 'g' && buffer.get(i + 1) == 'z' && buffer.get(i + 2) == 'i' && buffer.get(i + 3) == 'p') {
                gzip = true;
                if (i + 8 <= to && buffer.get(i + 4) == ';' && buffer.get(i + 5) == 'q' && buffer.get(i + 6) == '='
                        && buffer.get(i + 7) == '0') {
                    return false;
                }
            }
        }
        return gzip;
    }

    private static String string(ByteBuffer buffer, int from, int to) {
        byte[] bytes = new byte[to - from];
        buffer.get(from, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Letters, digits and the unreserved marks, and '/': any other byte in a path (%, ;, \) is Jetty's to decode or refuse. */
    private static boolean pathByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '/' || b == '-' || b == '.'
                || b == '_' || b == '~';
    }

    /** A host name or IPv4 address with an optional port, or a bracketed IPv6 address: anything else Jetty judges. */
    private static boolean hostValue(ByteBuffer buffer, int from, int to) {
        if (from == to) return false;
        for (int i = from; i < to; i++) {
            byte b = buffer.get(i);
            if (!((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '.' || b == '-' || b == ':'
                    || b == '[' || b == ']')) {
                return false;
            }
        }
        return true;
    }

    /** RFC 9110's token characters, those a header name is made of. */
    private static boolean tokenByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || (b > ' ' && b < 0x7f && "!#$%&'*+-.^_`|~".indexOf(b) >= 0);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    /** The {@code Date} header line, formatted once a second (as Jetty does) and shared by every answer. */
    static final class DateLine {

        private record Line(long second, byte[] bytes) { }

        private static volatile Line line = new Line(-1, new byte[0]);

        private DateLine() {
        }

        static byte[] current() {
            long now = System.currentTimeMillis();
            long second = now / 1000;
            Line current = line;
            if (current.second != second) {
                current = new Line(second, ("Date: " + DateGenerator.formatDate(second * 1000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                line = current;
            }
            return current.bytes;
        }
    }
}
