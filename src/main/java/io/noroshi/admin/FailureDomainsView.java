package io.noroshi.admin;

import io.noroshi.audit.AuditReport;
import io.noroshi.audit.Finding;
import io.noroshi.audit.Severity;
import io.noroshi.audit.inventory.BlastRadius;
import io.noroshi.audit.inventory.BlastRadiusDiagram;
import io.noroshi.audit.inventory.InventoryAudit;
import io.noroshi.audit.inventory.ServiceLoss;
import io.noroshi.config.NoroshiConfig;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the failure-domain page and its API show: the inventory audit of the hub's own config, every site's
 * and shared part's blast radius, and the diagram with the chosen one highlighted. The config never changes
 * while the hub runs, so the audit is done once, on first use.
 */
public final class FailureDomainsView {

    /** Findings of one severity, for a page grouped the way the text report is. */
    public record SeverityGroup(Severity severity, List<Finding> findings) {
    }

    /**
     * One page: {@code chosen} is the failing site or shared part asked for, {@code svg} the diagram.
     */
    public record Page(AuditReport report, List<BlastRadius> radii, Optional<BlastRadius> chosen, String svg) {

        public List<SeverityGroup> groups() {
            return Arrays.stream(Severity.values()).map(s -> new SeverityGroup(s,
                    report.findings().stream().filter(f -> f.severity() == s).toList())).filter(g -> !g.findings().isEmpty()).toList();
        }

        public static List<ServiceLoss> direct(BlastRadius radius) {
            return radius.directlyDown();
        }

        public static List<ServiceLoss> throughDependency(BlastRadius radius) {
            return radius.down().stream().filter(l -> !l.direct()).toList();
        }

        /** "web (via dns)" for a chain web depends on dns; the failure reads from the fallen part outwards. */
        public static String chain(ServiceLoss loss) {
            return String.join(" ← ", loss.through().reversed());
        }
    }

    private final NoroshiConfig config;
    private final InstantSource clock;
    private AuditReport report;

    public FailureDomainsView(NoroshiConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The whole audit; every blast radius is in it. */
    public synchronized AuditReport report() {
        if (report == null) report = new InventoryAudit(clock).audit("noroshi.yaml", config, Optional.empty());
        return report;
    }

    /**
     * The page with {@code fail} highlighted, or none when empty.
     *
     * @throws UnknownTarget when {@code fail} names no site or shared part
     */
    public Page page(Optional<String> fail) {
        AuditReport all = report();
        Optional<BlastRadius> chosen = fail.map(id -> all.blastRadii().stream().filter(r -> r.failed().id().equals(id)).findFirst()
                .orElseThrow(() -> new UnknownTarget("site or shared part", id)));
        return new Page(all, all.blastRadii(), chosen, new BlastRadiusDiagram().render(config, chosen.map(r -> r.failed().id())));
    }

    /** The report as the API answers it: with {@code fail}, only that blast radius. */
    public AuditReport report(Optional<String> fail) {
        Page page = page(fail);
        return page.chosen().map(r -> new AuditReport(page.report().subject(), page.report().checkedAt(), page.report().findings(), List.of(r)))
                .orElse(page.report());
    }
}
