package io.noroshi.audit.inventory;

import io.noroshi.audit.AuditInputException;
import io.noroshi.audit.AuditReport;
import io.noroshi.audit.Finding;
import io.noroshi.config.NoroshiConfig;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit of a declared inventory: which services fall together, whether the communication path outlives
 * what it reports on, and the blast radius of every site and shared part (or of one, for "what if").
 */
public final class InventoryAudit {

    private final InstantSource clock;

    public InventoryAudit(InstantSource clock) {
        this.clock = clock;
    }

    /** Audits with vantage points taken from the monitoring services. */
    public AuditReport audit(String subject, NoroshiConfig config, Optional<String> fail) {
        return audit(subject, config, VantagePoint.fromConfig(config), fail);
    }

    /**
     * @param fail when present, only this site or shared part's blast radius goes into the report; the findings
     *             still consider every failure domain
     */
    public AuditReport audit(String subject, NoroshiConfig declared, List<VantagePoint> vantagePoints, Optional<String> fail) {
        NoroshiConfig config = MirrorServices.include(declared);
        var domains = new FailureDomains(config);
        Optional<FailureDomain> chosen = fail.map(id -> domains.find(id).orElseThrow(() -> new AuditInputException(
                "--fail " + id + ": no site or shared part with that id; known: "
                        + String.join(", ", domains.all().stream().map(FailureDomain::id).toList()))));
        var blastRadii = new BlastRadii(config, domains, vantagePoints);
        List<BlastRadius> radii = blastRadii.all();
        var findings = new ArrayList<Finding>();
        findings.addAll(new ColocationRules().check(config, radii));
        findings.addAll(new CommunicationPathRules().check(config, radii));
        findings.addAll(new VantagePointRules().check(vantagePoints, radii, new Roles(config)));
        List<BlastRadius> shown = chosen.map(d -> List.of(blastRadii.of(d))).orElse(radii);
        return new AuditReport(subject, clock.instant(), findings, shown);
    }
}
