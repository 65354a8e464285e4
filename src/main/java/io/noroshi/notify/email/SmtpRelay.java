package io.noroshi.notify.email;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * One relay (primary or fallback) and its idle connections. A connection is taken for one message and
 * given back; the number open at once is bounded by the channel's concurrency, enforced by the outbox.
 */
final class SmtpRelay implements AutoCloseable {

    enum Security { NONE, STARTTLS, TLS }

    /** @param tls the sockets TLS runs on: the JDK's CAs, or the operator's {@code trust_store} for a relay with a private CA */
    record Address(String host, int port, Security security, Optional<String> username, Optional<String> password, int timeoutMillis,
                   javax.net.ssl.SSLSocketFactory tls) {
        @Override
        public String toString() {
            return host + ":" + port; // never the credentials
        }
    }

    private final Address address;
    private final String heloName;
    private final ArrayDeque<SmtpConnection> idle = new ArrayDeque<>();
    private volatile long downUntilNanos;

    SmtpRelay(Address address, String heloName) {
        this.address = address;
        this.heloName = heloName;
    }

    Address address() {
        return address;
    }

    /** Whether the relay failed recently, so messages go straight to the other relay for a while. */
    boolean resting() {
        return System.nanoTime() - downUntilNanos < 0;
    }

    void rest(long nanos) {
        downUntilNanos = System.nanoTime() + nanos;
    }

    /**
     * Sends one message. A connection that was idle may have been closed by the relay meanwhile: then the
     * message is tried once more on a fresh connection before the relay counts as failed.
     */
    void send(String from, String to, byte[] message) throws SmtpConnection.RelayFailure, SmtpConnection.RecipientRefused {
        SmtpConnection reused = poll();
        if (reused != null) {
            try {
                reused.send(from, to, message);
                release(reused);
                return;
            } catch (IOException e) {
                reused.close();
            } catch (SmtpConnection.RecipientRefused e) {
                release(reused);
                throw e;
            } catch (SmtpConnection.RelayFailure e) {
                reused.close();
                throw e;
            }
        }
        SmtpConnection fresh = SmtpConnection.open(address, heloName);
        try {
            fresh.send(from, to, message);
            release(fresh);
        } catch (IOException e) {
            fresh.close();
            throw new SmtpConnection.RelayFailure("connection to " + address + " broke: " + e.getClass().getSimpleName(), e);
        } catch (SmtpConnection.RecipientRefused e) {
            release(fresh);
            throw e;
        } catch (SmtpConnection.RelayFailure e) {
            fresh.close();
            throw e;
        }
    }

    /**
     * Sends a batch pipelined on one connection, reporting each message in order. When the connection breaks after
     * some messages were answered, a fresh one takes the rest (relays end sessions after so many messages); when a
     * fresh one breaks before any answer, or the relay refuses the sender, the relay counts as failed.
     *
     * @throws SmtpConnection.RelayFailure the relay would not take the messages not reported yet (another relay may)
     */
    void sendAll(String from, List<SmtpConnection.Mail> mails, SmtpConnection.Reports reports) throws SmtpConnection.RelayFailure {
        var counted = new CountingReports(reports);
        SmtpConnection connection = poll();
        boolean fresh = false;
        while (counted.done < mails.size()) {
            if (connection == null) {
                connection = SmtpConnection.open(address, heloName);
                fresh = true;
            }
            int before = counted.done;
            try {
                connection.sendAll(from, mails.subList(before, mails.size()), counted);
                release(connection);
                return;
            } catch (IOException e) {
                connection.close();
                connection = null;
                if (fresh && counted.done == before) {
                    throw new SmtpConnection.RelayFailure("connection to " + address + " broke: " + e.getClass().getSimpleName(), e);
                }
            } catch (SmtpConnection.RelayFailure e) {
                connection.close();
                throw e;
            }
        }
        if (connection != null) release(connection);
    }

    /** Counts the messages reported, which come in the order sent. */
    private static final class CountingReports implements SmtpConnection.Reports {
        private final SmtpConnection.Reports reports;
        private int done;

        CountingReports(SmtpConnection.Reports reports) {
            this.reports = reports;
        }

        @Override
        public void sent(SmtpConnection.Mail mail) {
            done++;
            reports.sent(mail);
        }

        @Override
        public void refused(SmtpConnection.Mail mail, SmtpConnection.RecipientRefused e) {
            done++;
            reports.refused(mail, e);
        }
    }

    private synchronized SmtpConnection poll() {
        return idle.pollFirst();
    }

    private synchronized void release(SmtpConnection connection) {
        idle.addFirst(connection);
    }

    @Override
    public synchronized void close() {
        idle.forEach(SmtpConnection::close);
        idle.clear();
    }
}
