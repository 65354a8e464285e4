package io.noroshi.probe.mail;

import io.noroshi.probe.ProtocolViolation;
import io.noroshi.probe.tls.TlsUpgrade;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLSocket;

/**
 * A line-by-line talk with a mail server over a raw socket, under one deadline for the whole
 * check: every read gets only the time that is left, so a server that drips bytes cannot hold
 * a probe past its time-out. Lines are bounded, so a hostile server cannot fill memory either.
 */
final class MailConversation implements Closeable {

    /** RFC 5321 allows 512 octets per reply line; leave room for servers that stretch it. */
    private static final int MAX_LINE_BYTES = 4096;

    private final MailProbe probe;
    private final long deadlineNanos;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private String tlsVersion;

    private MailConversation(MailProbe probe, Socket socket) throws IOException {
        this.probe = probe;
        this.deadlineNanos = System.nanoTime() + probe.timeout().toNanos();
        this.socket = socket;
    }

    /** Connects and, for implicit TLS, shakes hands before the first line is read. */
    static MailConversation open(MailProbe probe) throws IOException, GeneralSecurityException {
        Socket plain = new Socket();
        MailConversation conversation = new MailConversation(probe, plain);
        try {
            plain.connect(new InetSocketAddress(probe.host(), probe.port()), conversation.remainingMillis());
            conversation.attachStreams();
            if (probe.tls() == MailTls.IMPLICIT) {
                conversation.upgradeToTls();
            }
            return conversation;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** Replaces the plain socket with TLS over it, after the server said go ahead. */
    void upgradeToTls() throws IOException, GeneralSecurityException {
        socket.setSoTimeout(remainingMillis());
        SSLSocket tls = TlsUpgrade.handshake(socket, probe.serverName(),
                probe.trustStore().sslContext(probe.verifyCertificate()), probe.verifyCertificate());
        socket = tls;
        tlsVersion = tls.getSession().getProtocol();
        attachStreams();
    }

    /** The negotiated TLS version ({@code TLSv1.3}), or null while plain. */
    String tlsVersion() {
        return tlsVersion;
    }

    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The next line without its CRLF, or null when the server closed the connection. */
    String readLine() throws IOException {
        socket.setSoTimeout(remainingMillis());
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (line.size() <= MAX_LINE_BYTES) {
            int b = in.read();
            if (b == -1) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        throw new ProtocolViolation("server sent a line longer than " + MAX_LINE_BYTES + " bytes");
    }

    /** Says goodbye and reads one answer; a server that hangs up first is no failure. */
    void leave(String command) {
        try {
            send(command);
            readLine();
        } catch (IOException ignored) {
            // The check already has its verdict; an impolite server does not change it.
        }
    }

    private int remainingMillis() throws SocketTimeoutException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private void attachStreams() throws IOException {
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
