package io.noroshi.notify.email;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One SMTP session with a relay (RFC 5321), kept open for many messages. Uses PIPELINING (RFC 2920) when the
 * relay offers it: MAIL, RCPT and DATA go out in one write, which halves the round trips per message.
 * Not thread-safe: one sender at a time, handed out by {@link SmtpRelay}.
 */
final class SmtpConnection implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean pipelining;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private final List<String> auth = new ArrayList<>();
    /** Logged in and ready for mail: from then on a 421 means the relay is ending the session (too many messages, shutting down). */
    private boolean established;

    private SmtpConnection() {
    }

    /** Connects, greets, upgrades to TLS when asked and logs in; a {@link RelayFailure} when the relay will not take mail. */
    static SmtpConnection open(SmtpRelay.Address relay, String heloName) throws RelayFailure {
        var c = new SmtpConnection();
        try {
            Socket plain = new Socket();
            plain.connect(new InetSocketAddress(relay.host(), relay.port()), relay.timeoutMillis());
            plain.setSoTimeout(relay.timeoutMillis());
            plain.setTcpNoDelay(true);
            c.attach(relay.security() == SmtpRelay.Security.TLS ? tls(relay, plain) : plain);
            c.expect(c.reply(), 220, "greeting");
            c.ehlo(heloName);
            if (relay.security() == SmtpRelay.Security.STARTTLS) {
                c.command("STARTTLS");
                c.expect(c.reply(), 220, "STARTTLS");
                c.attach(tls(relay, c.socket));
                c.ehlo(heloName);
            }
            if (relay.username().isPresent()) c.login(relay.username().get(), relay.password().orElse(""));
            c.established = true;
            return c;
        } catch (javax.net.ssl.SSLException e) {
            c.close();
            throw new RelayFailure("TLS with " + relay + " failed: " + tlsReason(e, relay.host()), e);
        } catch (IOException e) {
            c.close();
            throw new RelayFailure("cannot reach " + relay + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (RelayFailure e) {
            c.close();
            throw e;
        }
    }

    /** What an operator can act on, from the JDK's handshake failure. */
    private static String tlsReason(javax.net.ssl.SSLException e, String host) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateExpiredException) return "the relay's certificate has expired";
            String m = String.valueOf(t.getMessage());
            if (m.contains("No subject alternative") || m.contains("No name matching")) {
                return "the relay's certificate does not name " + host;
            }
            if (t instanceof java.security.cert.CertPathValidatorException || m.contains("PKIX path")) {
                return "the relay's certificate is not signed by a trusted authority (for a private CA, set trust_store)";
            }
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private static Socket tls(SmtpRelay.Address relay, Socket plain) throws IOException {
        SSLSocketFactory factory = relay.tls() == null ? (SSLSocketFactory) SSLSocketFactory.getDefault() : relay.tls();
        SSLSocket tls = (SSLSocket) factory.createSocket(plain, relay.host(), relay.port(), true);
        var parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // check the relay's name against its certificate
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    private void attach(Socket s) throws IOException {
        socket = s;
        in = s.getInputStream();
        position = 0;
        limit = 0;
        out = new BufferedOutputStream(s.getOutputStream(), 65536);
    }

    private void ehlo(String name) throws IOException, RelayFailure {
        command("EHLO " + name);
        Reply reply = reply();
        expect(reply, 250, "EHLO");
        pipelining = false;
        auth.clear();
        for (String line : reply.lines()) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.equals("PIPELINING")) pipelining = true;
            if (upper.startsWith("AUTH ") || upper.startsWith("AUTH=")) auth.addAll(List.of(upper.substring(5).split(" ")));
        }
    }

    private void login(String user, String password) throws IOException, RelayFailure {
        if (auth.contains("PLAIN") || !auth.contains("LOGIN")) {
            String token = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
            command("AUTH PLAIN " + token);
            expect(reply(), 235, "AUTH PLAIN");
        } else {
            command("AUTH LOGIN");
            expect(reply(), 334, "AUTH LOGIN");
            command(Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
            expect(reply(), 334, "AUTH LOGIN");
            command(Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
            expect(reply(), 235, "AUTH LOGIN");
        }
    }

    /**
     * Sends one message to one recipient.
     *
     * @throws RelayFailure     the relay would not take it (try another relay)
     * @throws RecipientRefused the relay refused this recipient or this message (another relay would too)
     * @throws IOException      the connection broke
     */
    void send(String from, String to, byte[] message) throws IOException, RelayFailure, RecipientRefused {
        String mail = "MAIL FROM:<" + from + ">";
        String rcpt = "RCPT TO:<" + to + ">";
        Reply mailReply;
        Reply rcptReply;
        Reply dataReply;
        if (pipelining) {
            write(mail);
            write(rcpt);
            command("DATA");
            mailReply = reply();
            rcptReply = reply();
            dataReply = reply();
        } else {
            command(mail);
            mailReply = reply();
            if (mailReply.code() / 100 != 2) {
                reset();
                throw new RelayFailure("MAIL FROM refused: " + mailReply.first(), null);
            }
            command(rcpt);
            rcptReply = reply();
            if (rcptReply.code() / 100 != 2) {
                reset();
                throw new RecipientRefused(rcptReply.code(), "recipient refused: " + rcptReply.first());
            }
            command("DATA");
            dataReply = reply();
        }
        RecipientRefused refused = refusedEnvelope(mailReply, rcptReply, dataReply);
        if (refused != null) throw refused;
        writeDotStuffed(message);
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Reply done = reply();
        if (done.code() / 100 != 2) throw new RecipientRefused(done.code(), "message refused: " + done.first());
    }

    /**
     * Sends several messages, one recipient each, reporting each one's outcome to {@code reports} in order. With
     * PIPELINING the next message's MAIL, RCPT and DATA go out in the same write as the previous message's final
     * dot (RFC 2920 lets a group end with DATA), so a message costs one round trip instead of two. Without it, the
     * messages go one by one.
     *
     * @throws RelayFailure the relay would not take the message after the last one reported (nor, likely, the rest)
     * @throws IOException  the connection broke; the messages after the last one reported were not taken, except
     *                      perhaps the first of them when the break came after its final dot (as for {@link #send})
     */
    void sendAll(String from, List<Mail> mails, Reports reports) throws IOException, RelayFailure {
        if (!pipelining) {
            for (Mail m : mails) {
                try {
                    send(from, m.to(), m.message());
                    reports.sent(m);
                } catch (RecipientRefused e) {
                    reports.refused(m, e);
                }
            }
            return;
        }
        int n = mails.size();
        if (n == 0) return;
        envelope(from, mails.getFirst().to());
        out.flush();
        for (int i = 0; i < n; i++) {
            Mail m = mails.get(i);
            Reply mailReply = reply();
            Reply rcptReply = reply();
            Reply dataReply = reply();
            RecipientRefused refused = refusedEnvelope(mailReply, rcptReply, dataReply);
            if (refused != null) {
                reports.refused(m, refused);
                if (i + 1 < n) {
                    envelope(from, mails.get(i + 1).to());
                    out.flush();
                }
                continue;
            }
            writeDotStuffed(m.message());
            out.write(DOT);
            if (i + 1 < n) envelope(from, mails.get(i + 1).to());
            out.flush();
            Reply done = reply();
            if (done.code() / 100 == 2) reports.sent(m);
            else reports.refused(m, new RecipientRefused(done.code(), "message refused: " + done.first()));
        }
    }

    private static final byte[] DOT = ".\r\n".getBytes(StandardCharsets.US_ASCII);

    private void envelope(String from, String to) throws IOException {
        write("MAIL FROM:<" + from + ">");
        write("RCPT TO:<" + to + ">");
        write("DATA");
    }

    /** One message of a batch: its recipient and its bytes, and where it sits in the channel's batch. */
    record Mail(int index, String to, byte[] message) {
    }

    /** What became of each message of {@link #sendAll}, in the order sent. */
    interface Reports {
        void sent(Mail mail);

        void refused(Mail mail, RecipientRefused e);
    }

    /**
     * Judges the replies to one message's MAIL, RCPT and DATA. A refused recipient is returned (the session
     * reset, a DATA the relay accepted anyway ended empty) for the caller to report; null when the message
     * may follow.
     *
     * @throws RelayFailure MAIL FROM or DATA refused: the relay takes no message from this session
     */
    private RecipientRefused refusedEnvelope(Reply mailReply, Reply rcptReply, Reply dataReply) throws IOException, RelayFailure {
        if (mailReply.code() / 100 != 2) {
            if (dataReply.code() == 354) abortData();
            reset();
            throw new RelayFailure("MAIL FROM refused: " + mailReply.first(), null);
        }
        if (rcptReply.code() / 100 != 2) {
            if (dataReply.code() == 354) abortData();
            reset();
            return new RecipientRefused(rcptReply.code(), "recipient refused: " + rcptReply.first());
        }
        if (dataReply.code() != 354) {
            reset();
            throw new RelayFailure("DATA refused: " + dataReply.first(), null);
        }
        return null;
    }

    /** A DATA that was accepted although MAIL or RCPT failed (pipelined): end it empty, then reset. */
    private void abortData() throws IOException {
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        reply();
    }

    private void reset() throws IOException {
        command("RSET");
        reply();
    }

    /** Writes the message in runs, doubling a dot that starts a line (RFC 5321 section 4.5.2). */
    private void writeDotStuffed(byte[] message) throws IOException {
        int from = 0;
        for (int i = 0; i < message.length; i++) {
            if (message[i] == '.' && (i == 0 || message[i - 1] == '\n')) {
                out.write(message, from, i - from);
                out.write('.');
                from = i; // the dot itself goes out with the next run
            }
        }
        out.write(message, from, message.length - from);
        if (message.length > 0 && message[message.length - 1] != '\n') out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private void write(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private void command(String line) throws IOException {
        write(line);
        out.flush();
    }

    private void expect(Reply reply, int code, String step) throws RelayFailure {
        if (reply.code() != code) throw new RelayFailure(step + " refused: " + reply.first(), null);
    }

    private Reply reply() throws IOException {
        var lines = new ArrayList<String>();
        int code;
        while (true) {
            String line = readLine();
            if (line.length() < 3) throw new IOException("malformed SMTP reply");
            code = Integer.parseInt(line.substring(0, 3));
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                // Like a broken connection: the messages not answered yet may go through a fresh session.
                if (code == 421 && established) throw new IOException("the relay ended the session: " + EmailChannel.redact(line));
                return new Reply(code, lines);
            }
        }
    }

    /** One reply line, read from this connection's own buffer (no lock per byte, as a buffered stream's read() takes). */
    private String readLine() throws IOException {
        var line = new StringBuilder();
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    throw new IOException("the relay closed the connection");
                }
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') line.setLength(end - 1);
                return line.toString();
            }
            if (line.length() > 4096) throw new IOException("SMTP reply line too long");
            line.append((char) (b & 0xff));
        }
    }

    @Override
    public void close() {
        if (socket == null) return;
        try {
            socket.setSoTimeout(1000);
            command("QUIT");
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private record Reply(int code, List<String> lines) {
        String first() {
            return code + " " + (lines.isEmpty() ? "" : lines.getFirst());
        }
    }

    /** The relay will not take mail now (unreachable, refused the session or the sender): another relay may. */
    static final class RelayFailure extends Exception {
        RelayFailure(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /** The relay refused the recipient or the message itself. */
    static final class RecipientRefused extends Exception {
        private final int code;

        RecipientRefused(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        boolean permanent() {
            return code / 100 == 5;
        }
    }
}
