import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver of bench/write-path (JDK only, compiled once by the script).
 *   serve HUB TOKEN   reads commands from stdin, one per line, and answers each with one line:
 *     latency N         N sequential updates; each: POST, then poll summary.json until its marker shows
 *     writes RATE SECS  open-loop updates at RATE per second for SECS seconds
 *     keys on|off       whether the following writes carry an Idempotency-Key each
 * Every 20 updates the incident is resolved and a new one opened, so summary.json stays small.
 *
 * <p>One process serves the whole run, so no JVM start or JIT warm-up of the driver falls in a
 * measured window, and requests go over kept-alive sockets with a minimal HTTP/1.1 client: the
 * driver shares the machine with the hub and wrk, and the JDK HttpClient plus a JVM start per
 * window cost 0.17 of a core at 50 writes/s, which the read rate under writes then lacked.
 */
public final class WritePathDriver {

    static final Pattern ID = Pattern.compile("\"id\":\"([a-z0-9]{12})\"");
    static final int PER_INCIDENT = 20;
    static InetSocketAddress hub;
    static String hostHeader;
    static String token;
    /** Idle kept-alive connections; a request takes one or opens one, and returns it after the response. */
    static final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        if (!args[0].equals("serve")) throw new IllegalArgumentException("usage: serve HUB TOKEN");
        URI uri = URI.create(args[1]);
        hub = new InetSocketAddress(uri.getHost(), uri.getPort());
        hostHeader = uri.getHost() + ":" + uri.getPort();
        token = args[2];
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] command = line.trim().split(" +");
            switch (command[0]) {
                case "latency" -> latency(Integer.parseInt(command[1]));
                case "writes" -> writes(Integer.parseInt(command[1]), Integer.parseInt(command[2]));
                case "keys" -> {
                    idempotencyKeys = command[1].equals("on");
                    System.out.println("KEYS " + (idempotencyKeys ? "on" : "off"));
                }
                case "" -> { }
                default -> throw new IllegalArgumentException("unknown command: " + line);
            }
            System.out.flush();
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
                    "{\"status\":\"monitoring\",\"body\":\"" + marker + "\",\"notify\":false}").status();
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
                                        "{\"status\":\"identified\",\"body\":\"load " + k + "\",\"notify\":false}").status();
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
        // The executors are closed, so no update is in flight: resolve the last incident, or every
        // command would leave one open and summary.json would grow from round to round.
        resolve(incident[0]);
        var sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        // rate: writes completed within the window, per second (those still in flight at its end finish after it)
        System.out.printf("WRITES sent=%d done=%d failed=%d rate=%.1f post_p50=%.1f post_p99=%.1f%n", sent.get(), done.get(), failed.get(),
                doneInWindow.get() / (double) seconds, pct(sorted, 50), pct(sorted, 99));
    }

    static String open(String name) throws Exception {
        var response = post("/api/admin/v1/incidents", "{\"name\":\"Bench " + name + "\",\"body\":\"bench\",\"impact\":\"minor\",\"notify\":false}");
        if (response.status() != 201) throw new IllegalStateException("open answered " + response.status() + ": " + response.body());
        Matcher m = ID.matcher(response.body());
        if (!m.find()) throw new IllegalStateException("no id in " + response.body());
        return m.group(1);
    }

    static void resolve(String id) throws Exception {
        post("/api/admin/v1/incidents/" + id + "/resolve", "{\"notify\":false}");
    }

    /** Whether writes carry an Idempotency-Key: WRITE_PATH_KEYS=1 at start, then the "keys on|off" command. */
    static volatile boolean idempotencyKeys = "1".equals(System.getenv("WRITE_PATH_KEYS"));

    static Response post(String path, String body) throws IOException {
        // Keys on: every write carries its own Idempotency-Key, as the command line sends them.
        String key = idempotencyKeys ? "\r\nIdempotency-Key: " + java.util.UUID.randomUUID() : "";
        return exchange("POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAuthorization: Bearer " + token + key
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + body);
    }

    static String get(String path) throws IOException {
        return exchange("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n\r\n").body();
    }

    record Response(int status, String body) {
    }

    /** One request on a kept-alive connection; a connection that failed or was closed by the hub is dropped. */
    static Response exchange(String request) throws IOException {
        Connection connection = idle.poll();
        if (connection == null) connection = new Connection();
        try {
            Response response = connection.exchange(request.getBytes(StandardCharsets.UTF_8));
            if (connection.reusable) idle.add(connection);
            else connection.close();
            return response;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A minimal HTTP/1.1 client connection: Content-Length or chunked bodies, nothing else. */
    static final class Connection implements AutoCloseable {
        final Socket socket = new Socket();
        final InputStream in;
        final OutputStream out;
        boolean reusable = true;

        Connection() throws IOException {
            socket.connect(hub, 5_000);
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = socket.getOutputStream();
        }

        Response exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ")) throw new IOException("not an HTTP/1.1 response: " + statusLine);
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            for (String header; !(header = line()).isEmpty(); ) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> reusable = !value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            var body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
                    body.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) { }
            } else if (length >= 0) {
                body.write(in.readNBytes(length));
            } else {
                throw new IOException("response without a length");
            }
            return new Response(status, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            var bytes = new ByteArrayOutputStream(64);
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) throw new IOException("connection closed by the hub");
                if (b != '\r') bytes.write(b);
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket we are done with
            }
        }
    }

    static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) return Double.NaN;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
