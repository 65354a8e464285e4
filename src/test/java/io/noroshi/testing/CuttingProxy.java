package io.noroshi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback that loses the answer of its first {@code cuts} connections: it passes the
 * request on to the target and, the moment the target starts answering, closes the client's socket
 * (so the request was handled, but the client never hears how). Later connections pass both ways.
 */
public final class CuttingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicInteger cutsLeft;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    public CuttingProxy(int targetPort, int cuts) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.cutsLeft = new AtomicInteger(cuts);
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections clients opened. */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                boolean cut = cutsLeft.getAndDecrement() > 0;
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Thread.ofVirtual().start(() -> pipe(client, target, null));
                Thread.ofVirtual().start(() -> pipe(target, client, cut ? client : null));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Copies {@code from} to {@code to}; with {@code cutOnFirstByte}, closes that socket instead of passing the answer. */
    private static void pipe(Socket from, Socket to, Socket cutOnFirstByte) {
        try (from; InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (cutOnFirstByte != null) {
                    // The hub answers once the handler has finished: the change is committed by now.
                    cutOnFirstByte.close();
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // One side went away: the other side's copy ends on its own.
            try {
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
