package io.noroshi.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A loopback SMTP relay that offers STARTTLS (GreenMail does not) and takes mail only after it: enough SMTP to receive
 * whole messages, with a real TLS handshake on the test's certificate. Records what it received and whether over TLS.
 */
final class StartTlsRelay implements AutoCloseable {

    record Received(String recipient, String message) {
    }

    private final ServerSocket listener;
    private final SSLContext tls;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> commandsInClear = new CopyOnWriteArrayList<>();

    private StartTlsRelay(SSLContext tls) throws IOException {
        this.tls = tls;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("starttls-relay").start(this::serve);
    }

    static StartTlsRelay start(SSLContext tls) throws IOException {
        return new StartTlsRelay(tls);
    }

    int port() {
        return listener.getLocalPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The commands a client sent before TLS came up (only EHLO and STARTTLS belong there). */
    List<String> commandsInClear() {
        return List.copyOf(commandsInClear);
    }

    private void serve() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                Thread.ofPlatform().daemon().start(() -> session(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void session(Socket connection) {
        try (Socket plain = connection) {
            plain.setSoTimeout(30_000);
            Socket socket = plain;
            boolean secure = false;
            var in = reader(socket);
            OutputStream out = socket.getOutputStream();
            reply(out, "220 relay.test ESMTP");
            String recipient = "";
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase(java.util.Locale.ROOT);
                if (!secure) commandsInClear.add(line);
                if (command.startsWith("EHLO")) {
                    reply(out, secure ? "250-relay.test\r\n250 PIPELINING" : "250-relay.test\r\n250 STARTTLS");
                } else if (command.equals("STARTTLS") && !secure) {
                    reply(out, "220 go ahead");
                    SSLSocket upgraded = (SSLSocket) tls.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
                    upgraded.setUseClientMode(false);
                    upgraded.startHandshake();
                    socket = upgraded;
                    secure = true;
                    in = reader(socket);
                    out = socket.getOutputStream();
                } else if (!secure && !command.equals("QUIT")) {
                    reply(out, "530 5.7.0 Must issue a STARTTLS command first");
                } else if (command.startsWith("RCPT TO:")) {
                    recipient = line.substring(8).replaceAll("[<>]", "");
                    reply(out, "250 ok");
                } else if (command.equals("DATA")) {
                    reply(out, "354 go on");
                    var message = new StringBuilder();
                    for (String l = in.readLine(); l != null && !l.equals("."); l = in.readLine()) message.append(l).append('\n');
                    received.add(new Received(recipient, message.toString()));
                    reply(out, "250 queued");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok"); // MAIL FROM, RSET, NOOP
                }
            }
        } catch (IOException | RuntimeException e) {
            // a client that hangs up or refuses the certificate ends its session; the test asserts what was received
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static void reply(OutputStream out, String lines) throws IOException {
        out.write((lines + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
