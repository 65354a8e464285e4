package io.noroshi.notify.channel;

import io.noroshi.notify.Notice;
import java.util.Optional;

/**
 * One configured way to reach people (an SMTP relay, a Slack webhook, a Mastodon account, ...).
 * Implementations are small: they fit a {@link Notice} to their medium and send it once. Retries,
 * backoff, rate limits and bookkeeping belong to the outbox, not to the channel.
 */
public interface Channel {

    /** The name the operator gave it in {@code noroshi.yaml}; unique among channels. */
    String name();

    /** The kind, as written in the config ({@code slack}, {@code email}, ...). */
    String kind();

    /** The failure-domain site its relay or service lives in, when the operator declared one. */
    Optional<String> site();

    /** How many sends may run at once on this channel, and how many per second at most. */
    default Limits limits() {
        return Limits.DEFAULT;
    }

    /**
     * Sends one notice to one recipient. {@code recipient} is the address the delivery is for (an e-mail
     * address, a webhook URL, a phone number) or empty for channels with one fixed destination (a chat room).
     * {@code deliveryKey} is stable across every retry of this delivery: services that support an
     * idempotency key (Mastodon {@code Idempotency-Key}, LINE {@code X-Line-Retry-Key}, Matrix transaction
     * ids) must be given it, so a retry after a lost answer does not post twice.
     *
     * @throws DeliveryException when the send failed; its {@link DeliveryException#retryable()} and
     *                           {@link DeliveryException#retryAfter()} guide the outbox
     */
    void send(Notice notice, Optional<String> recipient, String deliveryKey) throws DeliveryException;

    /** Concurrency and rate for one channel. */
    record Limits(int concurrency, double perSecond) {
        public static final Limits DEFAULT = new Limits(4, 10);
    }
}
