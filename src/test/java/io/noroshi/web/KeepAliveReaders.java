package io.noroshi.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Many readers on one thread: each opens its own keep-alive connection to a loopback hub, asks for
 * a page, reads the answer, asks again on the same connection (a refresh: Jetty builds some of its
 * per-connection state only from the second request on), reads that answer and then keeps the
 * connection open, as browsers of a stampede do. Non-blocking, so a few thousand cost the test a few
 * megabytes.
 */
final class KeepAliveReaders implements AutoCloseable {

    private final Selector selector = Selector.open();
    private final List<SocketChannel> channels = new ArrayList<>();
    private final byte[] request;
    private final ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);
    private int answered;
    private int ok;
    private int closedByServer;

    KeepAliveReaders(String path) throws IOException {
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Starts {@code count} more connections; they connect and ask while {@link #awaitAnswers} runs. */
    void open(int port, int count) throws IOException {
        var address = new InetSocketAddress("127.0.0.1", port);
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.connect(address);
            channel.register(selector, SelectionKey.OP_CONNECT, new Exchange());
            channels.add(channel);
            if (i % 100 == 99) step(10);
        }
    }

    /** Drives the connections until {@code expected} readers had both answers or {@code limit} passed; returns how many had. */
    int awaitAnswers(int expected, Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (answered < expected && System.nanoTime() < deadline) step(100);
        return answered;
    }

    /** Answers whose status was 200. */
    int ok() {
        return ok;
    }

    int closedByServer() {
        return closedByServer;
    }

    private void step(long millis) throws IOException {
        selector.select(millis);
        for (SelectionKey key : selector.selectedKeys()) {
            SocketChannel channel = (SocketChannel) key.channel();
            try {
                if (key.isConnectable() && channel.finishConnect()) {
                    channel.write(ByteBuffer.wrap(request));
                    key.interestOps(SelectionKey.OP_READ);
                } else if (key.isReadable()) {
                    scratch.clear();
                    int read = channel.read(scratch);
                    if (read < 0) {
                        closedByServer++;
                        key.cancel();
                        channel.close();
                        continue;
                    }
                    Exchange exchange = (Exchange) key.attachment();
                    int answers = exchange.consume(scratch.array(), read);
                    for (int i = 0; i < answers; i++) {
                        exchange.answers++;
                        if (exchange.answers == 1) {
                            channel.write(ByteBuffer.wrap(request));
                        } else if (exchange.answers == 2) {
                            answered++;
                            if (exchange.allOk) ok++;
                        }
                    }
                }
            } catch (IOException e) {
                key.cancel();
                channel.close();
            }
        }
        selector.selectedKeys().clear();
    }

    /** One connection's answers so far: the header being read, then how much body is left. */
    private static final class Exchange {
        private final StringBuilder header = new StringBuilder();
        private long bodyLeft = -1;
        private int answers;
        private boolean allOk = true;

        /** Reads {@code length} bytes of answers; returns how many answers they completed. */
        int consume(byte[] bytes, int length) {
            int completed = 0;
            int i = 0;
            while (i < length) {
                if (bodyLeft < 0) {
                    header.append((char) bytes[i++]);
                    if (header.length() >= 4 && header.substring(header.length() - 4).equals("\r\n\r\n")) {
                        String text = header.toString();
                        allOk &= text.startsWith("HTTP/1.1 200");
                        bodyLeft = contentLength(text);
                        header.setLength(0);
                        if (bodyLeft == 0) {
                            bodyLeft = -1;
                            completed++;
                        }
                    }
                } else {
                    int take = (int) Math.min(bodyLeft, length - i);
                    i += take;
                    bodyLeft -= take;
                    if (bodyLeft == 0) {
                        bodyLeft = -1;
                        completed++;
                    }
                }
            }
            return completed;
        }

        private static long contentLength(String header) {
            for (String line : header.split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) return Long.parseLong(line.substring(15).strip());
            }
            return 0;
        }
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel channel : channels) channel.close();
        selector.close();
    }
}
