package io.noroshi.audit.bench;

import io.noroshi.audit.AuditReport;
import io.noroshi.audit.AuditReportJson;
import io.noroshi.audit.inventory.BlastRadiusDiagram;
import io.noroshi.audit.inventory.InventoryAudit;
import io.noroshi.config.ConfigLoader;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * Times the full inventory audit (every rule, the blast radius of every site and shared part) of a generated
 * 5,000-service, 50-site inventory, and as the reference measured in the same run, parsing that config.
 * Run by {@code bench/audit}; prints RESULT lines as shared/BENCH.md asks.
 */
public final class AuditBenchmark {

    private static final int SERVICES = 5_000;
    private static final int SITES = 50;
    private static final int RUNS = 7;
    private static final double TARGET_MS = 2_000;

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("noroshi-bench-", ".yaml");
        try {
            Files.writeString(file, GeneratedInventory.yaml(SERVICES, SITES, 42));
            var loader = new ConfigLoader();
            var audit = new InventoryAudit(Clock.systemUTC());
            NoroshiConfig config = loader.load(file);
            int endpoints = config.services().stream().mapToInt(s -> s.endpoints().size()).sum();
            System.out.printf("inventory: %d services, %d endpoints, %d sites (%d bytes of YAML)%n",
                    config.services().size(), endpoints, config.sites().size(), Files.size(file));
            // first runs pay for class loading and JIT; they are reported but not judged
            long coldAudit = time(() -> audit.audit(file.toString(), config, Optional.empty()));
            double[] parse = new double[RUNS];
            double[] full = new double[RUNS];
            double[] loop = new double[RUNS];
            AuditReport report = null;
            for (int i = 0; i < RUNS; i++) {
                parse[i] = time(() -> loader.load(file)) / 1e6;
                long start = System.nanoTime();
                report = audit.audit(file.toString(), config, Optional.empty());
                full[i] = (System.nanoTime() - start) / 1e6;
                loop[i] = time(() -> plainLoop(config)) / 1e6;
            }
            AuditReport last = report;
            long json = time(() -> new AuditReportJson().render(last).length());
            double auditMs = median(full);
            double parseMs = median(parse);
            System.out.printf("full audit (rules + blast radius of %d failure domains), median of %d: %.1f ms (target <= %.0f ms); cold first run %.1f ms%n",
                    report.blastRadii().size(), RUNS, auditMs, TARGET_MS, coldAudit / 1e6);
            System.out.printf("reference: parsing and validating the same config, median: %.1f ms; plain loop over every endpoint: %.3f ms%n",
                    parseMs, median(loop));
            System.out.printf("findings: %d; JSON report rendering: %.1f ms%n", report.findings().size(), json / 1e6);
            System.out.printf("audit %s the %.0f ms target%n", auditMs <= TARGET_MS ? "meets" : "MISSES", TARGET_MS);
            System.out.printf("RESULT audit_5000_services_ms=%.1f%n", auditMs);
            System.out.printf("RESULT audit_vs_parse_ratio=%.3f%n", auditMs / parseMs);
            System.out.printf("RESULT config_parse_5000_services_ms=%.1f%n", parseMs);
            diagram(config);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** What each request of /admin/failure-domains?fail=SITE pays on top of the audit it caches: the SVG. */
    private static void diagram(NoroshiConfig config) {
        var diagram = new BlastRadiusDiagram();
        Optional<String> failing = Optional.of(config.sites().getFirst().id());
        int bytes = diagram.render(config, failing).length();
        double[] render = new double[RUNS];
        for (int i = 0; i < RUNS; i++) render[i] = time(() -> diagram.render(config, failing)) / 1e6;
        System.out.printf("admin page diagram with %s failing, median: %.1f ms, %d KB of SVG%n", failing.get(), median(render), bytes / 1024);
        System.out.printf("RESULT diagram_5000_services_ms=%.1f%n", median(render));
        System.out.printf("RESULT diagram_5000_services_kb=%d%n", bytes / 1024);
    }

    private static long plainLoop(NoroshiConfig config) {
        long sum = 0;
        for (Service service : config.services()) {
            for (Service.Endpoint endpoint : service.endpoints()) sum += endpoint.site().length() + endpoint.sharedParts().size();
        }
        return sum;
    }

    private static long time(java.util.function.Supplier<?> work) {
        long start = System.nanoTime();
        Object result = work.get();
        long elapsed = System.nanoTime() - start;
        if (result == null) throw new IllegalStateException("no result");
        return elapsed;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
