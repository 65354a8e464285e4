import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds many client connections open against a loopback server, for bench/stampede. Single-threaded NIO,
 * so thousands of connections cost the load generator almost nothing.
 *
 * <pre>
 *   java bench/Connections.java idle HOST PORT PATH N SECONDS   # N keep-alive connections, one request each, then idle
 *   java bench/Connections.java slow HOST PORT PATH N SECONDS   # N clients sending one header line every 2 s, never finishing
 * </pre>
 *
 * Prints one line at the end: how many connected, how many got an answer, how many the server closed.
 * Only loopback addresses are accepted; it stops by itself after SECONDS.
 */
public final class Connections {

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: Connections idle|slow HOST PORT PATH N SECONDS");
            System.exit(2);
        }
        String mode = args[0];
        var address = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
        if (!address.getAddress().isLoopbackAddress()) {
            System.err.println("Connections: only loopback targets are allowed, not " + address);
            System.exit(2);
        }
        String path = args[3];
        int count = Integer.parseInt(args[4]);
        long deadline = System.nanoTime() + Long.parseLong(args[5]) * 1_000_000_000L;
        boolean slow = mode.equals("slow");
        byte[] request = (slow ? "GET " + path + " HTTP/1.1\r\nHost: bench\r\n"
                : "GET " + path + " HTTP/1.1\r\nHost: bench\r\nAccept-Encoding: gzip\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] drip = "X-Slow: a\r\n".getBytes(StandardCharsets.US_ASCII);

        Selector selector = Selector.open();
        List<SocketChannel> channels = new ArrayList<>(count);
        int connected = 0, answered = 0, closedByServer = 0, failed = 0;
        // Connect in batches so the server's accept queue is not the thing measured.
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            try {
                SocketChannel channel = SocketChannel.open();
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                channel.configureBlocking(false);
                channel.connect(address);
                channel.register(selector, SelectionKey.OP_CONNECT, new int[1]);
                channels.add(channel);
            } catch (IOException e) {
                failed++;
            }
            if (i % 200 == 199) connected += pump(selector, request, 50);
        }
        ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);
        long nextDrip = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline) {
            selector.select(200);
            for (SelectionKey key : selector.selectedKeys()) {
                SocketChannel channel = (SocketChannel) key.channel();
                try {
                    if (key.isConnectable()) {
                        if (channel.finishConnect()) {
                            connected++;
                            channel.write(ByteBuffer.wrap(request));
                            key.interestOps(SelectionKey.OP_READ);
                        }
                    } else if (key.isReadable()) {
                        scratch.clear();
                        int read = channel.read(scratch);
                        int[] state = (int[]) key.attachment();
                        if (read < 0) {
                            closedByServer++;
                            key.cancel();
                            channel.close();
                        } else if (read > 0 && state[0] == 0) {
                            state[0] = 1;
                            answered++;
                        }
                    }
                } catch (IOException e) {
                    failed++;
                    key.cancel();
                    channel.close();
                }
            }
            selector.selectedKeys().clear();
            if (slow && System.nanoTime() >= nextDrip) {
                nextDrip += 2_000_000_000L;
                for (SocketChannel channel : channels) {
                    if (!channel.isOpen() || !channel.isConnected()) continue;
                    try {
                        channel.write(ByteBuffer.wrap(drip));
                    } catch (IOException e) {
                        failed++;
                        channel.close();
                    }
                }
            }
        }
        for (SocketChannel channel : channels) channel.close();
        System.out.println("connections mode=" + mode + " opened=" + channels.size() + " connected=" + connected
                + " answered=" + answered + " closed_by_server=" + closedByServer + " failed=" + failed);
    }

    /** Finishes pending connects for a moment while connections are still being opened; returns how many completed. */
    private static int pump(Selector selector, byte[] request, long millis) throws IOException {
        int done = 0;
        selector.select(millis);
        for (SelectionKey key : selector.selectedKeys()) {
            if (!key.isValid() || !key.isConnectable()) continue;
            SocketChannel channel = (SocketChannel) key.channel();
            try {
                if (channel.finishConnect()) {
                    done++;
                    channel.write(ByteBuffer.wrap(request));
                    key.interestOps(SelectionKey.OP_READ);
                }
            } catch (IOException e) {
                key.cancel();
                channel.close();
            }
        }
        selector.selectedKeys().clear();
        return done;
    }
}
