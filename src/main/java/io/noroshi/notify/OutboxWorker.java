package io.noroshi.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.noroshi.notify.channel.Channel;
import io.noroshi.notify.channel.DeliveryException;
import io.noroshi.storage.RandomIds;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: claims due deliveries channel by channel (each claim a lease), sends them on virtual threads
 * within each channel's concurrency and rate, and stores the outcomes in batches. Several hubs may run one each
 * on a shared PostgreSQL; the lease and {@code SKIP LOCKED} keep them off each other's rows.
 */
public final class OutboxWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    /** A claim is taken over by another hub when not finished within this; a lane never holds more than it can send in it. */
    public static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 500;
    private static final long IDLE_POLL_NANOS = Duration.ofMillis(500).toNanos();

    private final Outbox outbox;
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final BiFunction<Outbox.Claimed, Announcement, Optional<URI>> manageLink;
    private final InstantSource clock;
    private final int maxTries;
    private final Backoff backoff;
    private final MeterRegistry metrics;
    private final List<ExecutorService> senders = new ArrayList<>();
    private final ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unflushed = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Outcomes stored together in one transaction: one commit per message would cap the rate at the disk's. */
    private static final int FLUSH_BATCH = 500;
    private static final long BUSY_POLL_NANOS = Duration.ofMillis(20).toNanos();
    private final Map<String, Announcement> notices = new ConcurrentHashMap<>();
    /** Deliveries of each claim whose outcome is not stored yet; a claim at zero is stored with one statement. */
    private final Map<String, AtomicInteger> openPerClaim = new ConcurrentHashMap<>();
    /** Sent deliveries of claims still open, stored when their claim ends (only the outbox loop touches it). */
    private final Map<String, SentEarlier> sentOfOpenClaims = new LinkedHashMap<>();
    private static final long SENT_DEFER_NANOS = Duration.ofMillis(250).toNanos();
    private final AtomicLong depth = new AtomicLong();
    /** Counts {@link #wake()} calls: a lane that found nothing claims again only after news or the idle poll. */
    private final AtomicLong news = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private volatile boolean running = true;
    private volatile ReadersFirst readers = ReadersFirst.NONE;
    private volatile Thread loop;

    /**
     * @param manageLink the manage page of a delivery's subscriber (empty for a channel's own destination)
     */
    public OutboxWorker(Outbox outbox, List<Channel> channels, BiFunction<Outbox.Claimed, Announcement, Optional<URI>> manageLink,
                        InstantSource clock, int maxTries, Backoff backoff, MeterRegistry metrics) {
        this.outbox = outbox;
        this.manageLink = manageLink;
        this.clock = clock;
        this.maxTries = maxTries;
        this.backoff = backoff;
        this.metrics = metrics;
        for (Channel c : channels) lanes.put(c.name(), new Lane(c));
        Gauge.builder("noroshi.notify.outbox.depth", depth, AtomicLong::get).description("deliveries waiting to be sent").register(metrics);
        Gauge.builder("noroshi.notify.outbox.oldest.pending.seconds", oldestPendingSeconds, AtomicLong::get)
                .description("age of the oldest pending delivery").register(metrics);
    }

    /** Makes way for the status page's readers while they are busy ({@code readsServed}: the page's requests so far). */
    public OutboxWorker readersFirst(java.util.function.LongSupplier readsServed) {
        this.readers = new ReadersFirst(readsServed, System::nanoTime);
        return this;
    }

    public OutboxWorker start() {
        loop = Thread.ofPlatform().name("notify-outbox").daemon().start(this::run);
        return this;
    }

    /** Looks for work now instead of at the next poll (after a change wrote deliveries). */
    public void wake() {
        news.incrementAndGet();
        nudge();
    }

    /** Runs a round now (a batch to store, room to claim more): not news, so idle lanes do not look again. */
    private void nudge() {
        Thread t = loop;
        if (t != null) LockSupport.unpark(t);
    }

    private void run() {
        long nextDepth = 0;
        while (running) {
            boolean busy = false;
            try {
                flush();
                for (Lane lane : lanes.values()) busy |= lane.fill();
                if (System.nanoTime() - nextDepth > 0) {
                    refreshDepth();
                    nextDepth = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                }
            } catch (RuntimeException e) {
                // A database outage is logged once by storage.DatabaseHealth; deliveries wait in the outbox meanwhile.
                if (io.noroshi.storage.DatabaseOutage.isOutage(e)) log.debug("notify outbox round skipped: database unavailable");
                else log.warn("notify outbox round failed error={}", e.toString());
                LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
            }
            if (!busy && running) LockSupport.parkNanos(inFlight.get() == 0 && unflushed.get() == 0 ? IDLE_POLL_NANOS : BUSY_POLL_NANOS);
        }
    }

    private void refreshDepth() {
        Outbox.Depth d = outbox.depth();
        depth.set(d.pending());
        oldestPendingSeconds.set(d.oldestDue().map(o -> Math.max(0, Duration.between(o, clock.instant()).toSeconds())).orElse(0L));
    }

    /** Stores what finished since the last round, one batch per claim. */
    private synchronized void flush() {
        var byClaim = new LinkedHashMap<String, List<Outbox.Outcome>>();
        Finished f;
        int n = 0;
        while (n < 10 * FLUSH_BATCH && (f = finished.poll()) != null) {
            byClaim.computeIfAbsent(f.claimId(), k -> new ArrayList<>()).add(f.outcome());
            n++;
        }
        unflushed.addAndGet(-n);
        byClaim.forEach((claim, outcomes) -> {
            AtomicInteger open = openPerClaim.get(claim);
            boolean last = open != null && open.addAndGet(-outcomes.size()) == 0;
            SentEarlier sentEarlier = last ? sentOfOpenClaims.remove(claim) : null;
            if (last) openPerClaim.remove(claim);
            if (last || open == null) {
                if (sentEarlier != null) outcomes.addAll(sentEarlier.outcomes());
                outbox.finish(claim, outcomes, last);
                return;
            }
            // A sent delivery stays claimed until its claim ends, then one statement marks all the claim's sent rows:
            // one UPDATE per row cost the outbox thread as much as all the SMTP sessions. Failures are stored now.
            var failures = new ArrayList<Outbox.Outcome>();
            var sent = sentOfOpenClaims.computeIfAbsent(claim, k -> new SentEarlier(System.nanoTime(), new ArrayList<>())).outcomes();
            for (Outbox.Outcome o : outcomes) (o instanceof Outbox.Outcome.Sent ? sent : failures).add(o);
            outbox.finish(claim, failures, false);
        });
        // A claim that goes slowly (a channel at a low rate) gets its sent rows stored one by one after a moment, so a
        // hub killed then sends again only what it sent in that moment.
        long now = System.nanoTime();
        var stale = sentOfOpenClaims.entrySet().stream().filter(e -> now - e.getValue().since() > SENT_DEFER_NANOS).map(Map.Entry::getKey).toList();
        for (String claim : stale) outbox.finish(claim, sentOfOpenClaims.remove(claim).outcomes(), false);
    }

    /** At shutdown: the sent deliveries of claims that will not end now are stored one by one. */
    private synchronized void flushSentOfOpenClaims() {
        sentOfOpenClaims.forEach((claim, sent) -> outbox.finish(claim, sent.outcomes(), false));
        sentOfOpenClaims.clear();
    }

    private record SentEarlier(long since, List<Outbox.Outcome> outcomes) {
    }

    private Announcement announcement(String noticeId) {
        if (notices.size() > 1000) notices.clear();
        return notices.computeIfAbsent(noticeId, outbox::notice);
    }

    private record Finished(String claimId, Outbox.Outcome outcome) {
    }

    /** One channel: its claims, its concurrency and its rate. */
    private final class Lane {
        private final Channel channel;
        /** The channel's concurrency as platform threads: blocking SMTP and HTTP sends run fastest on their own threads. */
        private final ExecutorService pool;
        private final AtomicInteger held = new AtomicInteger();
        /** The news count when a claim last came back empty (-1: the last one found work), and when. */
        private long newsAtEmpty = -1;
        private long emptyAt;
        private final int capacity;
        private final int refillAt;
        private final long spacingNanos;
        private final int concurrency;
        private final int batchSize;
        private final int burst;
        private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());
        private final RandomIds claimIds = new RandomIds();
        private final Map<String, Counter> counters = new ConcurrentHashMap<>();

        Lane(Channel channel) {
            this.channel = channel;
            var limits = channel.limits();
            this.pool = Executors.newFixedThreadPool(Math.max(1, limits.concurrency()),
                    Thread.ofPlatform().name("notify-" + channel.name() + "-", 0).daemon().factory());
            senders.add(pool);
            this.spacingNanos = (long) (1_000_000_000L / Math.max(0.001, limits.perSecond()));
            // About five seconds of its rate, so a claim ends far inside its lease and a dead hub strands few messages.
            long fiveSeconds = (long) (limits.perSecond() * 5);
            this.capacity = (int) Math.max(Math.max(1, 2L * limits.concurrency()), Math.min(4L * BATCH, fiveSeconds));
            this.refillAt = capacity / 2;
            this.concurrency = Math.max(1, limits.concurrency());
            this.batchSize = Math.max(1, channel.batchSize());
            this.burst = Math.max(1, (int) (limits.perSecond() / 10));
        }

        /** Claims more when there is room; true when it claimed something. */
        boolean fill() {
            int room = capacity - held.get();
            if (held.get() > refillAt) return false;
            if (room <= 0) return false;
            // An empty claim is a write transaction too: while another lane is busy, an idle one asks again only
            // when told of new deliveries or once per idle poll (retries fall due without news).
            long newsNow = news.get();
            if (newsNow == newsAtEmpty && System.nanoTime() - emptyAt < IDLE_POLL_NANOS) return false;
            String claimId = claimIds.next();
            List<Outbox.Claimed> claimed = outbox.claim(channel.name(), claimId, Math.min(room, BATCH), clock.instant(), LEASE);
            if (claimed.isEmpty()) {
                newsAtEmpty = newsNow;
                emptyAt = System.nanoTime();
            } else {
                newsAtEmpty = -1;
                openPerClaim.put(claimId, new AtomicInteger(claimed.size()));
            }
            held.addAndGet(claimed.size());
            inFlight.addAndGet(claimed.size());
            // Spread over the channel's threads first, then no more per batch than the channel takes and than a
            // tenth of a second of its rate (a batch goes out as one burst).
            int size = (int) Math.min(Math.min(batchSize, Math.ceil(claimed.size() / (double) concurrency)), burst);
            for (int from = 0; from < claimed.size(); from += Math.max(1, size)) {
                List<Outbox.Claimed> batch = claimed.subList(from, Math.min(claimed.size(), from + Math.max(1, size)));
                pool.execute(() -> deliver(claimId, batch));
            }
            return !claimed.isEmpty();
        }

        private void deliver(String claimId, List<Outbox.Claimed> batch) {
            var reported = new boolean[batch.size()];
            try {
                pace(batch.size());
                var messages = new ArrayList<Channel.Message>(batch.size());
                var indexes = new ArrayList<Integer>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    Outbox.Claimed d = batch.get(i);
                    if (d.subscriberGone()) {
                        store(claimId, new Outbox.Outcome.Dead(d, "the subscriber left or is no longer confirmed"), reported, i);
                        continue;
                    }
                    Announcement a = announcement(d.noticeId());
                    messages.add(new Channel.Message(a.notice(d.lang(), manageLink.apply(d, a)), d.address(), d.deliveryKey()));
                    indexes.add(i);
                }
                if (!messages.isEmpty()) {
                    long started = System.nanoTime();
                    channel.sendAll(messages, new Channel.Outcomes() {
                        @Override
                        public void sent(int index) {
                            int i = indexes.get(index);
                            store(claimId, new Outbox.Outcome.Sent(batch.get(i), clock.instant()), reported, i);
                        }

                        @Override
                        public void failed(int index, DeliveryException e) {
                            int i = indexes.get(index);
                            store(claimId, OutboxWorker.this.failed(batch.get(i), e.getMessage(), e.retryable(), e.retryAfter()), reported, i);
                        }
                    });
                    // Readers of the page first: while they are busy, rest after each batch (ReadersFirst).
                    long rest = readers.restNanos(System.nanoTime() - started);
                    if (rest > 0) Thread.sleep(Duration.ofNanos(rest));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // Shutting down: what was not reported stays claimed; the lease ends and another round (or hub) sends it.
                int left = unreported(reported);
                held.addAndGet(-left);
                inFlight.addAndGet(-left);
                return;
            } catch (RuntimeException e) {
                for (int i = 0; i < batch.size(); i++) {
                    if (!reported[i]) store(claimId, failed(batch.get(i), "internal error: " + e.getClass().getSimpleName(), true, Optional.empty()), reported, i);
                }
            }
            // A channel that left some unreported without an interrupt broke its contract: retry them rather than lose them.
            for (int i = 0; i < batch.size(); i++) {
                if (!reported[i]) store(claimId, failed(batch.get(i), "internal error: no outcome", true, Optional.empty()), reported, i);
            }
        }

        private static int unreported(boolean[] reported) {
            int n = 0;
            for (boolean r : reported) if (!r) n++;
            return n;
        }

        /** Queues one delivery's outcome for the next flush; a second outcome for the same delivery is ignored. */
        private void store(String claimId, Outbox.Outcome outcome, boolean[] reported, int i) {
            if (reported[i]) return;
            reported[i] = true;
            count(outcome);
            finished.add(new Finished(claimId, outcome));
            int waiting = unflushed.incrementAndGet();
            int left = held.decrementAndGet();
            inFlight.decrementAndGet();
            // Wake the loop only when there is a batch to store or room to claim more, not for every message.
            if (waiting >= FLUSH_BATCH || left == refillAt || left == 0) nudge();
        }

        /** Waits for the slot of {@code n} messages at the channel's rate. */
        private void pace(int n) throws InterruptedException {
            long slot = nextSlot.getAndUpdate(s -> Math.max(s, System.nanoTime()) + n * spacingNanos);
            long wait = slot - System.nanoTime();
            if (wait > 0) Thread.sleep(Duration.ofNanos(wait));
        }

        private void count(Outbox.Outcome o) {
            String outcome = switch (o) {
                case Outbox.Outcome.Sent s -> "sent";
                case Outbox.Outcome.Retry r -> "retry";
                case Outbox.Outcome.Dead x -> "dead";
            };
            counters.computeIfAbsent(outcome, name -> Counter.builder("noroshi.notify.deliveries").tag("channel", channel.name()).tag("outcome", name)
                    .description("deliveries tried, by channel and outcome").register(metrics)).increment();
            if (!(o instanceof Outbox.Outcome.Sent)) {
                log.info("notify delivery channel={} outcome={} attempts={} notice={}", channel.name(), outcome, o.delivery().attempts(),
                        o.delivery().noticeId());
            }
        }
    }

    private Outbox.Outcome failed(Outbox.Claimed d, String error, boolean retryable, Optional<Duration> retryAfter) {
        if (!retryable || d.attempts() >= maxTries) {
            return new Outbox.Outcome.Dead(d, (retryable ? "gave up after " + d.attempts() + " tries: " : "") + error);
        }
        Instant due = clock.instant().plus(backoff.after(d.attempts(), retryAfter));
        return new Outbox.Outcome.Retry(d, due, error);
    }

    @Override
    public void close() {
        running = false;
        wake();
        Thread t = loop;
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        senders.forEach(ExecutorService::shutdownNow);
        try {
            flush();
            flushSentOfOpenClaims();
        } catch (RuntimeException e) {
            log.debug("notify outbox could not store the last outcomes error={}", e.toString());
        }
    }
}
