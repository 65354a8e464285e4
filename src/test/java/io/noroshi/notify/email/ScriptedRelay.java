package io.noroshi.notify.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP relay on loopback that offers PIPELINING and misbehaves on cue: it refuses some recipients at RCPT or
 * after the final dot, ends each session with a 421 after so many messages, or dies (stops listening, the session cut
 * without an answer) after so many messages in all. It counts each message it accepted, per recipient, so a test can
 * tell a message delivered twice. It also notes whether the client sent the next MAIL FROM before waiting for the
 * answer to the previous message's final dot (pipelining across messages).
 */
public final class ScriptedRelay implements AutoCloseable {

    /** Refused at RCPT TO with this reply, by recipient. */
    public final Map<String, String> refuseRecipient = new ConcurrentHashMap<>();
    /** Refused after the final dot with this reply, by recipient. */
    public final Map<String, String> refuseMessage = new ConcurrentHashMap<>();
    /** Messages accepted, by recipient. */
    public final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    public final AtomicInteger sessions = new AtomicInteger();
    /** Final dots answered only after the next MAIL FROM had arrived. */
    public final AtomicInteger dotsPipelined = new AtomicInteger();
    /** Final dots answered after waiting in vain for the next command (the client waited for the answer). */
    public final AtomicInteger dotsWaitedFor = new AtomicInteger();
    private volatile int perSession = Integer.MAX_VALUE;
    private volatile int dieAfter = Integer.MAX_VALUE;
    private final AtomicInteger total = new AtomicInteger();
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    public ScriptedRelay() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Each session ends with a 421 at the MAIL FROM after this many messages. */
    public ScriptedRelay endSessionsAfter(int messages) {
        perSession = messages;
        return this;
    }

    /** After this many messages in all, the relay stops listening and cuts the session at the next message's MAIL FROM. */
    public ScriptedRelay dieAfter(int messages) {
        dieAfter = messages;
        return this;
    }

    public int count(String recipient) {
        AtomicInteger n = accepted.get(recipient);
        return n == null ? 0 : n.get();
    }

    public int total() {
        return accepted.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                sessions.incrementAndGet();
                Thread.ofVirtual().start(() -> session(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket s) {
        try (s) {
            s.setSoTimeout(2000);
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            reply(out, "220 scripted ESMTP");
            int messages = 0;
            String rcpt = null;
            String dotReply = null; // the answer to a final dot, held until the next command arrives
            while (true) {
                String line;
                try {
                    line = in.readLine();
                } catch (SocketTimeoutException e) {
                    if (dotReply == null) return;
                    dotsWaitedFor.incrementAndGet();
                    reply(out, dotReply);
                    dotReply = null;
                    s.setSoTimeout(2000);
                    continue;
                }
                if (line == null) return;
                if (dotReply != null) {
                    if (line.startsWith("MAIL FROM")) dotsPipelined.incrementAndGet();
                    reply(out, dotReply);
                    dotReply = null;
                }
                String upper = line.toUpperCase(java.util.Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-scripted\r\n250-PIPELINING\r\n250 8BITMIME");
                } else if (upper.startsWith("MAIL FROM")) {
                    if (total.get() >= dieAfter) {
                        server.close();
                        readThrough(in, "DATA");
                        return; // cut without an answer
                    }
                    if (messages >= perSession) {
                        readThrough(in, "DATA");
                        reply(out, "421 4.7.0 too many messages in this session");
                        return;
                    }
                    rcpt = null;
                    reply(out, "250 2.1.0 ok");
                } else if (upper.startsWith("RCPT TO")) {
                    String to = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    String refusal = refuseRecipient.get(to);
                    if (refusal != null) {
                        reply(out, refusal);
                    } else {
                        rcpt = to;
                        reply(out, "250 2.1.5 ok");
                    }
                } else if (upper.equals("DATA")) {
                    if (rcpt == null) {
                        reply(out, "554 5.5.1 no valid recipients");
                        continue;
                    }
                    reply(out, "354 go ahead");
                    while (!".".equals(line = in.readLine())) {
                        if (line == null) return;
                    }
                    String refusal = refuseMessage.get(rcpt);
                    if (refusal != null) {
                        dotReply = refusal;
                    } else {
                        accepted.computeIfAbsent(rcpt, k -> new AtomicInteger()).incrementAndGet();
                        messages++;
                        total.incrementAndGet();
                        dotReply = "250 2.0.0 queued";
                    }
                    rcpt = null;
                    // The answer waits for the next command (the pipelined MAIL FROM), at most a moment.
                    s.setSoTimeout(300);
                } else if (upper.equals("RSET")) {
                    rcpt = null;
                    reply(out, "250 2.0.0 reset");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(s);
        }
    }

    private static void readThrough(BufferedReader in, String last) throws IOException {
        for (String line = in.readLine(); line != null && !line.equalsIgnoreCase(last); line = in.readLine()) {
            // the rest of the pipelined group
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) s.close();
    }
}
