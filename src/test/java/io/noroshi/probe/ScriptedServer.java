package io.noroshi.probe;

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
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;

/**
 * A line-protocol server on 127.0.0.1 that plays one script per connection: send a line, expect a
 * line, switch to TLS. Stands in for servers GreenMail cannot imitate (STARTTLS, a 554 banner,
 * silence) and for bare TLS services; records what the probe said and which SNI name it sent.
 */
public final class ScriptedServer implements AutoCloseable {

    /** One move in the conversation. */
    public sealed interface Step permits Send, Expect, StartTls, Silence {
    }

    public record Send(String line) implements Step {
    }

    /** Reads one line; the script stops (and the connection closes) when it does not start with {@code prefix}. */
    public record Expect(String prefix) implements Step {
    }

    /** Server side of a TLS handshake, with the given server certificate. */
    public record StartTls() implements Step {
    }

    /** Says nothing and waits for the client to give up. */
    public record Silence() implements Step {
    }

    private final ServerSocket listener;
    private final SSLContext tls;
    private final List<Step> script;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> serverNames = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private ScriptedServer(SSLContext tls, List<Step> script) throws IOException {
        this.listener = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        this.tls = tls;
        this.script = script;
        this.acceptor = Thread.ofVirtual().start(this::serve);
    }

    /** @param tls server certificate for {@link StartTls} steps; null when the script has none */
    public static ScriptedServer start(SSLContext tls, Step... script) throws IOException {
        return new ScriptedServer(tls, List.of(script));
    }

    public static Step send(String line) {
        return new Send(line);
    }

    public static Step expect(String prefix) {
        return new Expect(prefix);
    }

    public static Step startTls() {
        return new StartTls();
    }

    public static Step silence() {
        return new Silence();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Every line the probe sent, across connections. */
    public List<String> received() {
        return received;
    }

    /** SNI host names the probe sent during handshakes. */
    public List<String> serverNames() {
        return serverNames;
    }

    private void serve() {
        // Ends when close() closes the listener and accept() throws.
        while (!listener.isClosed()) {
            try (Socket connection = listener.accept()) {
                play(connection);
            } catch (IOException | RuntimeException e) {
                // A probe that hangs up or rejects the certificate ends the script; that is the test's business.
            }
        }
    }

    private void play(Socket connection) throws IOException {
        connection.setSoTimeout(10_000);
        Socket socket = connection;
        BufferedReader in = reader(socket);
        OutputStream out = socket.getOutputStream();
        for (Step step : script) {
            switch (step) {
                case Send send -> {
                    out.write((send.line() + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                case Expect expect -> {
                    String line = in.readLine();
                    if (line == null) {
                        return;
                    }
                    received.add(line);
                    if (!line.startsWith(expect.prefix())) {
                        return;
                    }
                }
                case StartTls ignored -> {
                    socket = handshake(socket);
                    in = reader(socket);
                    out = socket.getOutputStream();
                }
                case Silence ignored -> in.read();
            }
        }
    }

    private SSLSocket handshake(Socket plain) throws IOException {
        SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        secured.setUseClientMode(false);
        SSLParameters parameters = secured.getSSLParameters();
        parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
            @Override
            public boolean matches(SNIServerName name) {
                serverNames.add(((SNIHostName) name).getAsciiName());
                return true;
            }
        }));
        secured.setSSLParameters(parameters);
        secured.startHandshake();
        return secured;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        listener.close();
        acceptor.interrupt();
    }

    /** A port on 127.0.0.1 that nothing listens on (bound, then released). */
    public static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }
}
