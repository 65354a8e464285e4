import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver of bench/write-path (JDK only, run as a source file).
 *   latency HUB TOKEN N         N sequential updates; each: POST, then poll summary.json until its marker shows
 *   writes  HUB TOKEN RATE SECS  open-loop updates at RATE per second for SECS seconds
 * Every 20 updates the incident is resolved and a new one opened, so summary.json stays small.
 */
public final class WritePathDriver {

    static final Pattern ID = Pattern.compile("\"id\":\"([a-z0-9]{12})\"");
    static final int PER_INCIDENT = 20;
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String hub;
    static String token;

    public static void main(String[] args) throws Exception {
        hub = args[1];
        token = args[2];
        switch (args[0]) {
            case "latency" -> latency(Integer.parseInt(args[3]));
            case "writes" -> writes(Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void latency(int n) throws Exception {
        List<Double> millis = new ArrayList<>();
        String incident = open("latency");
        for (int i = 0; i < n; i++) {
            if (i > 0 && i % PER_INCIDENT == 0) {
                resolve(incident);
                incident = open("latency " + i);
            }
            String marker = "mark-" + System.nanoTime();
            long start = System.nanoTime();
            int status = post("/api/admin/v1/incidents/" + incident + "/updates",
                    "{\"status\":\"monitoring\",\"body\":\"" + marker + "\",\"notify\":false}").statusCode();
            if (status != 201) throw new IllegalStateException("update answered " + status);
            for (int poll = 0; ; poll++) {
                if (get("/api/v2/summary.json").contains(marker)) break;
                if (poll > 5000) throw new IllegalStateException("marker never appeared");
                Thread.sleep(0, 200_000);
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        resolve(incident);
        Collections.sort(millis);
        System.out.printf("LATENCY n=%d p50=%.1f p99=%.1f max=%.1f%n", n, pct(millis, 50), pct(millis, 99), millis.getLast());
    }

    static void writes(int rate, int seconds) throws Exception {
        var done = new AtomicInteger();
        var doneInWindow = new AtomicInteger();
        var failed = new AtomicInteger();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        // Open loop: an update still in flight when its incident is resolved would land after the
        // resolve and reopen it, and summary.json would grow with every rotation. So the rotation
        // opens the next incident, points new updates at it, waits until the old one has no update
        // in flight, and only then resolves it.
        var lock = new Object();
        var incident = new String[]{open("load")};
        var inFlight = new ConcurrentHashMap<String, AtomicInteger>();
        var sent = new AtomicInteger();
        final long begin = System.nanoTime();
        try (var timer = Executors.newSingleThreadScheduledExecutor(); var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            var task = timer.scheduleAtFixedRate(() -> {
                int k = sent.incrementAndGet();
                boolean rotate = k % PER_INCIDENT == 0;
                String target;
                synchronized (lock) {
                    target = incident[0];
                    if (!rotate) inFlight.computeIfAbsent(target, id -> new AtomicInteger()).incrementAndGet();
                }
                workers.execute(() -> {
                    long start = System.nanoTime();
                    try {
                        if (rotate) {
                            String next = open("load " + k);
                            synchronized (lock) {
                                incident[0] = next;
                            }
                            var pending = inFlight.computeIfAbsent(target, id -> new AtomicInteger());
                            long deadline = System.nanoTime() + 10_000_000_000L;
                            while (pending.get() > 0 && System.nanoTime() < deadline) Thread.sleep(2);
                            resolve(target);
                        } else {
                            try {
                                int status = post("/api/admin/v1/incidents/" + target + "/updates",
                                        "{\"status\":\"identified\",\"body\":\"load " + k + "\",\"notify\":false}").statusCode();
                                if (status != 201) failed.incrementAndGet();
                            } finally {
                                inFlight.get(target).decrementAndGet();
                            }
                        }
                        done.incrementAndGet();
                        if (System.nanoTime() - begin <= seconds * 1_000_000_000L) doneInWindow.incrementAndGet();
                        millis.add((System.nanoTime() - start) / 1e6);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                });
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            Thread.sleep(seconds * 1000L);
            task.cancel(false);
        }
        var sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        // rate: writes completed within the window, per second (those still in flight at its end finish after it)
        System.out.printf("WRITES sent=%d done=%d failed=%d rate=%.1f post_p50=%.1f post_p99=%.1f%n", sent.get(), done.get(), failed.get(),
                doneInWindow.get() / (double) seconds, pct(sorted, 50), pct(sorted, 99));
    }

    static String open(String name) throws Exception {
        var response = post("/api/admin/v1/incidents", "{\"name\":\"Bench " + name + "\",\"body\":\"bench\",\"impact\":\"minor\",\"notify\":false}");
        if (response.statusCode() != 201) throw new IllegalStateException("open answered " + response.statusCode() + ": " + response.body());
        Matcher m = ID.matcher(response.body());
        if (!m.find()) throw new IllegalStateException("no id in " + response.body());
        return m.group(1);
    }

    static void resolve(String id) throws Exception {
        post("/api/admin/v1/incidents/" + id + "/resolve", "{\"notify\":false}");
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hub + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hub + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) return Double.NaN;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
