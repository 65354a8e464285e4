import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reference for bench/monitor-capacity: the same HTTP GETs at the same rate, with the JDK
 * HttpClient on virtual threads and nothing else (no scheduling, verdicts, storage or metrics).
 * Prints the CPU-seconds this process spent per 1,000 requests in the measured window.
 * Usage: java PlainHttpLoop.java URL RATE_PER_S WARMUP_S MEASURE_S
 */
public class PlainHttpLoop {
    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        double rate = Double.parseDouble(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int measure = Integer.parseInt(args[3]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        HttpClient client = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var done = new AtomicLong();
        var slots = new Semaphore(2_000);
        long periodNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + measure * 1_000_000_000L;
        long cpuAtMeasure = -1, doneAtMeasure = 0;
        for (long planned = start; planned < end; planned += periodNanos) {
            long wait = planned - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            if (cpuAtMeasure < 0 && System.nanoTime() >= measureFrom) {
                cpuAtMeasure = os.getProcessCpuTime();
                doneAtMeasure = done.get();
            }
            slots.acquire();
            Thread.ofVirtual().start(() -> {
                try {
                    var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build();
                    client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    done.incrementAndGet();
                } catch (Exception e) {
                    // counted as not done
                } finally {
                    slots.release();
                }
            });
        }
        long cpu = os.getProcessCpuTime() - cpuAtMeasure;
        long requests = done.get() - doneAtMeasure;
        System.out.printf("plain requests=%d cpu_s=%.2f cpu_s_per_1k=%.3f%n", requests, cpu / 1e9, cpu / 1e9 / requests * 1000);
        System.exit(0);
    }
}
