package io.noroshi.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable outbox: notices and one delivery row per recipient and channel. Rows are written in the
 * transaction of the change they announce (joining the caller's {@code AllOrNothing}), claimed by workers with
 * a lease, and finished as sent, retried later, or dead. A row claimed by a hub that died is claimed again once
 * its lease ends, so nothing is lost; only messages in flight at the death can go out twice.
 */
public interface Outbox {

    /** The internal channel that posts to webhook subscribers. */
    String SUBSCRIBER_WEBHOOKS = "subscriber-webhooks";

    /**
     * Stores a notice and its deliveries: one per confirmed subscriber of {@code audience}'s kinds whose scope
     * covers the notice's components (one {@code INSERT ... SELECT}, so no list of subscribers is held in memory),
     * and one per channel destination. Returns the notice's id.
     */
    String enqueue(Announcement announcement, Audience audience);

    /**
     * Claims up to {@code limit} due deliveries of one channel for {@code lease}; each claim counts as a try. A claimed
     * delivery falls due again when its lease ends (so another hub takes it over if this one dies).
     */
    List<Claimed> claim(String channel, String claimId, int limit, Instant now, Duration lease);

    /**
     * Stores the outcome of claimed deliveries; a delivery whose lease another hub took over is left alone.
     *
     * @param lastOfClaim these are the claim's last open deliveries (every other one of it was finished before):
     *                    then the sent ones are marked with one statement over the claim instead of one per row
     */
    void finish(String claimId, List<Outcome> outcomes, boolean lastOfClaim);

    Announcement notice(String noticeId);

    /**
     * Frees every claim at once. Only for a hub that knows no other hub runs on its database (SQLite, whose file
     * lock it holds): the claims of a hub that died need not wait for their lease.
     */
    int releaseAllClaims();

    /** Pending deliveries and the due time of the oldest, for {@code /metrics}. */
    Depth depth();

    /**
     * Delivery counts per channel over every notice about {@code target} ({@code incident/ID}, the target of
     * {@link Announcement}): sent, pending, failed (tried and waiting to retry) and dead. Empty when none.
     */
    List<ChannelCounts> deliveries(String target);

    /** The latest notices with their delivery counts per channel, newest first. */
    List<NoticeLog> recent(int limit);

    /**
     * Who a notice goes to.
     *
     * @param emailChannel     subscribers by e-mail get it through this channel (empty: none)
     * @param webhooks         whether webhook subscribers get it
     * @param destinations     channels' own destinations (routes), each in one language
     */
    record Audience(Optional<String> emailChannel, boolean webhooks, List<Destination> destinations, Optional<OneSubscriber> subscriber) {
        public Audience {
            destinations = List.copyOf(destinations);
        }

        public Audience(Optional<String> emailChannel, boolean webhooks, List<Destination> destinations) {
            this(emailChannel, webhooks, destinations, Optional.empty());
        }

        /** One subscriber alone, whatever its state (the confirmation request, a test). */
        public static Audience only(String channel, String subscriberId) {
            return new Audience(Optional.empty(), false, List.of(), Optional.of(new OneSubscriber(channel, subscriberId)));
        }
    }

    record OneSubscriber(String channel, String id) {
    }

    record Destination(String channel, String lang) {
    }

    /** A delivery claimed for sending; {@code address} is empty for a channel's own destination. */
    record Claimed(String noticeId, String channel, String subscriberId, String lang, int attempts, Optional<String> address,
                   Optional<Integer> generation, boolean subscriberGone) {
        /** Stable across retries and hubs: the idempotency key given to the channel. */
        public String deliveryKey() {
            return noticeId + "-" + channel + (subscriberId.isEmpty() ? "" : "-" + subscriberId);
        }
    }

    /** What became of one claimed delivery. */
    sealed interface Outcome {
        Claimed delivery();

        record Sent(Claimed delivery, Instant at) implements Outcome {
        }

        record Retry(Claimed delivery, Instant due, String error) implements Outcome {
        }

        record Dead(Claimed delivery, String error) implements Outcome {
        }
    }

    record Depth(long pending, Optional<Instant> oldestDue) {
    }

    /** One notice in the delivery log, with counts per channel. */
    record NoticeLog(String id, String event, String target, Instant at, List<ChannelCounts> channels) {
    }

    /** Deliveries of one channel: {@code pending} not tried yet, {@code failed} tried and to be retried, {@code dead} given up. */
    record ChannelCounts(String channel, long sent, long pending, long failed, long dead, Optional<String> lastError) {
    }
}
