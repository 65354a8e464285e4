package io.noroshi.notify.email;

import io.noroshi.notify.Notice;
import io.noroshi.notify.channel.Channel;
import io.noroshi.notify.channel.ChannelSettings;
import io.noroshi.notify.channel.DeliveryException;
import java.net.http.HttpClient;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * E-mail over SMTP through a primary relay and, when that one refuses or does not answer, a fallback relay
 * (ideally in another site, so mail still goes out when the primary's data center is the one that failed).
 *
 * <p>Config keys: {@code from} (required), {@code host}, {@code port}, {@code tls} ({@code starttls}, {@code tls}
 * or {@code none}), {@code username}, {@code password_env}/{@code password_file}; the same with the prefix
 * {@code fallback_} for the fallback relay; {@code trust_store} and {@code trust_store_password} (a PKCS12 or JKS file
 * of the authorities to trust instead of the JDK's, for a relay with a private CA); {@code connections} (parallel SMTP sessions, default 4),
 * {@code per_second} (default 500), {@code timeout_seconds} (default 20).
 */
public final class EmailChannel implements Channel {

    static final int DEFAULT_CONNECTIONS = 4;
    static final int DEFAULT_PER_SECOND = 500;
    static final int DEFAULT_TIMEOUT_SECONDS = 20;
    /** Messages pipelined over one session per {@link #sendAll}: enough to keep a session busy, few enough to spread a claim over all sessions. */
    static final int BATCH = 64;
    /** How long a failed primary is skipped before it is tried again. */
    static final long PRIMARY_REST_SECONDS = 30;

    private final String name;
    private final Optional<String> site;
    private final String from;
    private final SmtpRelay primary;
    private final SmtpRelay fallback; // null without one
    private final Limits limits;
    private final java.util.concurrent.ConcurrentHashMap<Notice, MailMessage.Bodies> rendered = new java.util.concurrent.ConcurrentHashMap<>();

    EmailChannel(String name, Optional<String> site, String from, SmtpRelay primary, SmtpRelay fallback, Limits limits) {
        this.name = name;
        this.site = site;
        this.from = from;
        this.primary = primary;
        this.fallback = fallback;
        this.limits = limits;
    }

    public static Channel create(ChannelSettings s, HttpClient http) {
        String from = s.required("from");
        if (!from.isEmpty() && !from.matches("[^\\s<>@]+@[^\\s<>@]+")) s.problem("from", "'" + from + "' is not an e-mail address");
        int timeout = s.integer("timeout_seconds").orElse(DEFAULT_TIMEOUT_SECONDS) * 1000;
        SmtpRelay.Address primary = relay(s, "", timeout);
        SmtpRelay.Address fallback = s.string("fallback_host").isPresent() ? relay(s, "fallback_", timeout) : null;
        if (fallback == null) {
            for (String key : new String[] {"fallback_port", "fallback_tls", "fallback_username"}) {
                if (s.string(key).isPresent()) s.problem(key, "needs fallback_host");
            }
        }
        int connections = s.integer("connections").orElse(DEFAULT_CONNECTIONS);
        if (connections < 1 || connections > 64) s.problem("connections", "must be between 1 and 64");
        int perSecond = s.integer("per_second").orElse(DEFAULT_PER_SECOND);
        if (perSecond < 1) s.problem("per_second", "must be at least 1");
        String helo = s.string("helo").orElse("noroshi.invalid");
        return new EmailChannel(s.name(), s.site(), from, new SmtpRelay(primary, helo),
                fallback == null ? null : new SmtpRelay(fallback, helo), new Limits(Math.max(1, connections), Math.max(1, perSecond)));
    }

    private static SmtpRelay.Address relay(ChannelSettings s, String prefix, int timeout) {
        String host = s.required(prefix + "host");
        SmtpRelay.Security security = s.string(prefix + "tls").map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "starttls" -> SmtpRelay.Security.STARTTLS;
            case "tls" -> SmtpRelay.Security.TLS;
            case "none" -> SmtpRelay.Security.NONE;
            default -> {
                s.problem(prefix + "tls", "'" + v + "' is not one of starttls, tls, none");
                yield SmtpRelay.Security.STARTTLS;
            }
        }).orElse(SmtpRelay.Security.STARTTLS);
        int port = s.integer(prefix + "port").orElse(security == SmtpRelay.Security.TLS ? 465 : 587);
        if (port < 1 || port > 65535) s.problem(prefix + "port", "must be between 1 and 65535");
        Optional<String> username = s.string(prefix + "username");
        Optional<String> password = username.isPresent() ? Optional.of(s.secret(prefix + "password")) : s.optionalSecret(prefix + "password");
        return new SmtpRelay.Address(host, port, security, username, password, timeout, trust(s, prefix));
    }

    /** The relay's own trust store, or null for the JDK's authorities. */
    private static javax.net.ssl.SSLSocketFactory trust(ChannelSettings s, String prefix) {
        Optional<String> file = s.string(prefix + "trust_store");
        if (file.isEmpty()) {
            if (s.string(prefix + "trust_store_password").isPresent()) s.problem(prefix + "trust_store_password", "needs " + prefix + "trust_store");
            return null;
        }
        try {
            var store = io.noroshi.probe.tls.TrustStore.file(java.nio.file.Path.of(file.get()), s.string(prefix + "trust_store_password").orElse(null));
            return store.sslContext(true).getSocketFactory();
        } catch (java.io.IOException | java.security.GeneralSecurityException | java.nio.file.InvalidPathException e) {
            s.problem(prefix + "trust_store", "cannot read '" + file.get() + "' as a PKCS12 or JKS trust store: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            return null;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "email";
    }

    @Override
    public Optional<String> site() {
        return site;
    }

    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public void send(Notice notice, Optional<String> recipient, String deliveryKey) throws DeliveryException {
        String to = recipient.orElseThrow(() -> DeliveryException.permanent("an e-mail needs a recipient", null));
        byte[] message = MailMessage.render(notice, bodies(notice), from, to, deliveryKey);
        String primaryError = null;
        if (!primary.resting() || fallback == null) {
            try {
                primary.send(from, to, message);
                return;
            } catch (SmtpConnection.RelayFailure e) {
                primaryError = primaryFailed(e);
            } catch (SmtpConnection.RecipientRefused e) {
                throw refused(e);
            }
        }
        if (fallback == null) throw DeliveryException.retryable(primaryError, Optional.empty(), null);
        try {
            fallback.send(from, to, message);
        } catch (SmtpConnection.RelayFailure e) {
            throw DeliveryException.retryable((primaryError == null ? "primary resting after a failure" : primaryError)
                    + "; fallback " + redact(e.getMessage()), Optional.empty(), null);
        } catch (SmtpConnection.RecipientRefused e) {
            throw refused(e);
        }
    }

    @Override
    public int batchSize() {
        return BATCH;
    }

    /**
     * The batch goes pipelined over one SMTP session of the primary (each message's envelope right behind the
     * previous message's final dot); what the primary does not take when it fails goes through the fallback, and
     * what neither takes is reported retryable. Outcomes are per message, as {@link #send} gives them.
     */
    @Override
    public void sendAll(java.util.List<Message> batch, Outcomes outcomes) {
        var mails = new java.util.ArrayList<SmtpConnection.Mail>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Message m = batch.get(i);
            if (m.recipient().isEmpty()) {
                outcomes.failed(i, DeliveryException.permanent("an e-mail needs a recipient", null));
                continue;
            }
            String to = m.recipient().get();
            mails.add(new SmtpConnection.Mail(i, to, MailMessage.render(m.notice(), bodies(m.notice()), from, to, m.deliveryKey())));
        }
        var reports = new SmtpConnection.Reports() {
            int done;

            @Override
            public void sent(SmtpConnection.Mail mail) {
                done++;
                outcomes.sent(mail.index());
            }

            @Override
            public void refused(SmtpConnection.Mail mail, SmtpConnection.RecipientRefused e) {
                done++;
                outcomes.failed(mail.index(), EmailChannel.refused(e));
            }
        };
        String primaryError = null;
        if (!primary.resting() || fallback == null) {
            try {
                primary.sendAll(from, mails, reports);
                return;
            } catch (SmtpConnection.RelayFailure e) {
                primaryError = primaryFailed(e);
            }
        }
        if (fallback != null) {
            try {
                fallback.sendAll(from, mails.subList(reports.done, mails.size()), reports);
                return;
            } catch (SmtpConnection.RelayFailure e) {
                primaryError = (primaryError == null ? "primary resting after a failure" : primaryError) + "; fallback " + redact(e.getMessage());
            }
        }
        for (SmtpConnection.Mail left : mails.subList(reports.done, mails.size())) {
            outcomes.failed(left.index(), DeliveryException.retryable(primaryError, Optional.empty(), null));
        }
    }

    /** Rests the primary after a failure and says so; the error for the delivery log. */
    private String primaryFailed(SmtpConnection.RelayFailure e) {
        primary.rest(TimeUnit.SECONDS.toNanos(PRIMARY_REST_SECONDS));
        String error = "primary " + redact(e.getMessage());
        if (fallback != null) {
            org.slf4j.LoggerFactory.getLogger(EmailChannel.class).warn("notify relay failed, using the fallback channel={} relay={} error={}",
                    name, primary.address(), error);
        }
        return error;
    }

    /** The notice's bodies, rendered once per notice and language for a whole fan-out rather than once per message. */
    private MailMessage.Bodies bodies(Notice notice) {
        Notice shared = MailMessage.Bodies.shared(notice);
        if (rendered.size() > 64) rendered.clear();
        return rendered.computeIfAbsent(shared, MailMessage.Bodies::of);
    }

    private static DeliveryException refused(SmtpConnection.RecipientRefused e) {
        String message = redact(e.getMessage());
        return e.permanent() ? DeliveryException.permanent(message, null) : DeliveryException.retryable(message, Optional.empty(), null);
    }

    /** Relays quote the address in their replies; the delivery log must not show it. */
    static String redact(String text) {
        return text == null ? "" : text.replaceAll("[^\\s<>\"]+@[^\\s<>\"]+", "(address)");
    }

    /** Closes the idle SMTP sessions. */
    public void close() {
        primary.close();
        if (fallback != null) fallback.close();
    }
}
