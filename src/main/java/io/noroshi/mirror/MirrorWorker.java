package io.noroshi.mirror;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;

import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes to one mirror on a thread of its own, so a mirror that is down or slow holds no other
 * back. Offers coalesce: only the newest site is published. Compares the site with the manifest
 * the mirror holds (read once, and again after a failure) and uploads only what differs. A failure
 * is retried with backoff ({@link #FIRST_RETRY} doubling up to {@link #LAST_RETRY}); past
 * {@code fallingBehindAfter} the team is alerted once, and told again when it has caught up.
 */
public final class MirrorWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MirrorWorker.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LAST_RETRY = Duration.ofMinutes(2);

    private final String id;
    private final String site;
    private final String kind;
    private final MirrorTarget target;
    private final Duration fallingBehindAfter;
    private final MirrorAlerts alerts;
    private final InstantSource clock;
    private final AtomicReference<PublishedSite> latest = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor worker;

    /** Held while talking to the mirror; state reads never wait for it. */
    private final Object publishing = new Object();
    /** What the mirror holds, or null when unknown. Guarded by {@link #publishing}. */
    private Manifest held;
    // The rest is guarded by this.
    private Instant lastSuccess;
    private Instant holds;
    private Instant behindSince;
    private String lastError;
    private int failures;
    private Instant nextRetry;
    private int lastUploaded;
    private boolean alerted;

    public MirrorWorker(String id, String site, String kind, MirrorTarget target, Duration fallingBehindAfter, MirrorAlerts alerts,
                        InstantSource clock) {
        this.id = id;
        this.site = site;
        this.kind = kind;
        this.target = target;
        this.fallingBehindAfter = fallingBehindAfter;
        this.alerts = alerts;
        this.clock = clock;
        this.worker = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("mirror-" + id).daemon().factory());
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public String id() {
        return id;
    }

    /** Publishes {@code next} soon, on this mirror's thread; returns at once. */
    public void offer(PublishedSite next) {
        latest.set(next);
        synchronized (this) {
            if (behindSince == null) behindSince = clock.instant();
        }
        if (pending.compareAndSet(false, true)) {
            try {
                worker.execute(this::publishLatest);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                pending.set(false);
            }
        }
    }

    private void publishLatest() {
        pending.set(false);
        PublishedSite next = latest.get();
        if (next == null) return;
        try {
            publish(next);
        } catch (RuntimeException e) {
            scheduleRetry();
        }
    }

    /**
     * Publishes {@code next} now on the caller's thread; what {@code noroshi publish} runs.
     *
     * @return how many files were written
     * @throws MirrorException when the mirror cannot be read or written
     */
    public int publish(PublishedSite next) {
        synchronized (this) {
            if (behindSince == null) behindSince = clock.instant();
        }
        synchronized (publishing) {
            return publishLocked(next);
        }
    }

    private int publishLocked(PublishedSite next) {
        try {
            if (held == null) held = trustedPart(target.read(Manifest.FILE).map(b -> Manifest.parse(id, b)).orElse(Manifest.empty()));
            var changed = new ArrayList<SiteFile>();
            for (SiteFile file : next.files().values()) {
                Manifest.Entry had = held.files().get(file.file());
                if (had == null || !had.sha256().equals(file.sha256()) || !had.contentType().equals(file.contentType())) changed.add(file);
            }
            var removed = new ArrayList<String>();
            for (String file : held.files().keySet()) if (!next.files().containsKey(file)) removed.add(file);
            Manifest manifest = next.manifest();
            boolean sameManifest = changed.isEmpty() && removed.isEmpty() && held.generatedAt().equals(manifest.generatedAt());
            if (!sameManifest) {
                target.apply(new MirrorTarget.Upload(changed, removed, SiteFile.of(Manifest.FILE, "application/json; charset=utf-8", manifest.toJson())));
            }
            held = manifest;
            succeeded(next, changed.size());
            return sameManifest ? 0 : changed.size();
        } catch (Exception e) {
            held = null; // read again: a half-applied upload leaves the mirror between the two manifests
            failed(e);
            throw e instanceof MirrorException m ? m : new MirrorException("mirror " + id + ": " + message(e), e);
        }
    }

    /** {@code manifest} without the files the target does not hold as listed: those are written again. */
    private Manifest trustedPart(Manifest manifest) throws java.io.IOException {
        var doubtful = target.notAsListed(manifest);
        if (doubtful.isEmpty()) return manifest;
        log.info("mirror files not as its manifest lists them, writing them again mirror={} files={}", id, doubtful.size());
        var files = new java.util.TreeMap<>(manifest.files());
        files.keySet().removeAll(doubtful);
        return new Manifest(manifest.generatedAt(), files);
    }

    private synchronized void succeeded(PublishedSite published, int uploaded) {
        if (failures > 0) log.info("mirror publishing again mirror={} failed_attempts={}", id, failures);
        lastSuccess = clock.instant();
        holds = published.generatedAt();
        lastUploaded = uploaded;
        failures = 0;
        lastError = null;
        nextRetry = null;
        // Still behind when a newer site is waiting.
        behindSince = latest.get() != null && latest.get() != published && !latest.get().generatedAt().equals(holds) ? lastSuccess : null;
        if (alerted && behindSince == null) {
            alerted = false;
            alerts.caughtUp(id);
        }
    }

    private synchronized void failed(Exception e) {
        lastError = message(e);
        failures++;
        if (failures == 1) log.warn("mirror publish failed mirror={} error={}", id, lastError);
        else log.debug("mirror publish failed again mirror={} attempts={} error={}", id, failures, lastError);
        checkBehind();
    }

    private void checkBehind() {
        Duration lag = lag();
        if (!alerted && lag.compareTo(fallingBehindAfter) >= 0) {
            alerted = true;
            alerts.fallingBehind(id, lag, lastError == null ? "" : lastError);
        }
    }

    private Duration lag() {
        return behindSince == null ? Duration.ZERO : Duration.between(behindSince, clock.instant());
    }

    private synchronized void scheduleRetry() {
        long delay = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(Math.max(failures - 1, 0), 16));
        nextRetry = clock.instant().plusMillis(delay);
        try {
            worker.schedule(() -> {
                synchronized (this) {
                    checkBehind();
                }
                if (pending.compareAndSet(false, true)) publishLatest();
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing
        }
    }

    public synchronized MirrorState state() {
        return new MirrorState(id, site, kind, Optional.ofNullable(lastSuccess), Optional.ofNullable(holds), lag(),
                Optional.ofNullable(lastError), failures, Optional.ofNullable(nextRetry), lastUploaded, alerted);
    }

    /** Reads a file the mirror holds (the manifest, the export, the bundle). */
    public Optional<byte[]> read(String file) throws java.io.IOException {
        return target.read(file);
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        target.close();
    }

}
