package io.noroshi.notify.channel;

import io.noroshi.notify.Notice;
import java.util.List;
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

    /**
     * How many messages one {@link #sendAll} call should get at most: 1 (the default) for a channel that gains
     * nothing from batches, more for one that sends a batch faster than its messages one by one (SMTP pipelining).
     */
    default int batchSize() {
        return 1;
    }

    /**
     * Sends several messages on this thread and tells {@code outcomes} what became of each, once per message, as
     * soon as it is known (in any order). Each message's outcome must be exactly that of {@link #send} for it alone:
     * sent only when the service took it, a {@link DeliveryException} naming this message's failure otherwise.
     * A message left unreported when this returns or throws (the thread was interrupted) was not sent, or its fate
     * is unknown; the outbox keeps it claimed until its lease ends. The default sends them one by one.
     *
     * @throws InterruptedException when the thread was interrupted between two messages (the hub is stopping)
     */
    default void sendAll(List<Message> batch, Outcomes outcomes) throws InterruptedException {
        for (int i = 0; i < batch.size(); i++) {
            if (Thread.interrupted()) throw new InterruptedException();
            Message m = batch.get(i);
            try {
                send(m.notice(), m.recipient(), m.deliveryKey());
                outcomes.sent(i);
            } catch (DeliveryException e) {
                outcomes.failed(i, e);
            }
        }
    }

    /** One message of a batch: the arguments of {@link #send}. */
    record Message(Notice notice, Optional<String> recipient, String deliveryKey) {
    }

    /** Receives the outcome of each message of a {@link #sendAll} batch, by its index in the batch. */
    interface Outcomes {
        void sent(int index);

        void failed(int index, DeliveryException e);
    }

    /** Concurrency and rate for one channel. */
    record Limits(int concurrency, double perSecond) {
        public static final Limits DEFAULT = new Limits(4, 10);
    }
}
