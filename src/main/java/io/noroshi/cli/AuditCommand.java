package io.noroshi.cli;

import io.noroshi.audit.AuditInputException;
import io.noroshi.audit.AuditReport;
import io.noroshi.audit.AuditReportJson;
import io.noroshi.audit.AuditReportText;
import io.noroshi.audit.dns.DnsAudit;
import io.noroshi.audit.dns.DnsStart;
import io.noroshi.audit.inventory.InventoryAudit;
import io.noroshi.audit.network.AsnDatabaseException;
import io.noroshi.audit.network.NetworkMap;
import io.noroshi.audit.network.NetworkMaps;
import io.noroshi.config.ConfigException;
import io.noroshi.config.ConfigLoader;
import io.noroshi.config.ConfigProblem;
import io.noroshi.probe.dns.ResolverFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code noroshi audit}: what would fall together, from live DNS, from the declared inventory, or both.
 * Exit codes: 0 clean (notices at most), 1 warnings, 2 errors, 3 the audit could not run (bad input).
 */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false, exitCodeOnInvalidInput = AuditCommand.CANNOT_AUDIT,
        exitCodeOnExecutionException = AuditCommand.CANNOT_AUDIT,
        description = {"Finds what would fall together before it does: nameservers, MX and web behind one network; DNS"
                + " beside web and mail; a status page, relay, contact list or monitoring in the site it reports on.",
                "Exit codes: 0 clean, 1 warnings, 2 errors, 3 the audit could not run."})
public final class AuditCommand implements Callable<Integer> {

    /** Exit code when the input is unusable: no report was produced. */
    public static final int CANNOT_AUDIT = 3;

    enum Format { text, json }

    @Parameters(arity = "0..1", paramLabel = "DOMAIN", description = "Domain to audit live, e.g. example.com.")
    String domain;

    @Option(names = "--config", paramLabel = "FILE", description = "Audit the inventory in this noroshi.yaml.")
    Path config;

    @Option(names = "--fail", paramLabel = "ID", description = "With --config: show only what the failure of this site or shared part takes down.")
    String fail;

    @Option(names = "--root-hints", paramLabel = "FILE", description = "Walk the delegation from these root servers (zone-file format).")
    Path rootHints;

    @Option(names = "--resolver", paramLabel = "HOST:PORT", description = "Recursive resolver for lookups (default: the system's).")
    String resolver;

    @Option(names = "--asn-db", paramLabel = "FILE", description = "Prefix-to-AS data: RouteViews pfx2as text, or MaxMind DB (.mmdb).")
    Path asnDb;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Report format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--timeout-ms", defaultValue = "3000", paramLabel = "MS", description = "Per-query timeout (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Spec
    CommandSpec spec;

    private final InstantSource clock;
    private final ResolverFactory resolvers;

    public AuditCommand() {
        this(Clock.systemUTC(), ResolverFactory.direct());
    }

    public AuditCommand(InstantSource clock, ResolverFactory resolvers) {
        this.clock = clock;
        this.resolvers = resolvers;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (fail != null && config == null) throw new AuditInputException("--fail needs --config: failure domains come from the inventory");
            if (domain == null && config == null) throw new AuditInputException("name a DOMAIN to audit live, --config FILE, or both");
            if (timeoutMs <= 0) throw new AuditInputException("--timeout-ms must be positive");
            Optional<AuditReport> report = Optional.empty();
            if (domain != null) {
                DnsAudit.zoneName(domain);
                NetworkMap networks = NetworkMaps.open(Optional.ofNullable(asnDb));
                var audit = new DnsAudit(DnsStart.choose(Optional.ofNullable(rootHints), Optional.ofNullable(resolver)), resolvers, networks, clock, Duration.ofMillis(timeoutMs));
                report = Optional.of(audit.audit(domain));
            }
            if (config != null) {
                AuditReport inventory = new InventoryAudit(clock).audit(config.toString(), new ConfigLoader().load(config), Optional.ofNullable(fail));
                report = Optional.of(report.map(r -> r.and(inventory)).orElse(inventory));
            }
            AuditReport done = report.orElseThrow();
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == Format.json ? new AuditReportJson().render(done) : new AuditReportText().render(done));
            out.flush();
            return done.exitCode();
        } catch (AuditInputException | AsnDatabaseException e) {
            err.println("noroshi audit: " + e.getMessage());
        } catch (ConfigException e) {
            err.println("noroshi audit: the config cannot be used:");
            for (ConfigProblem problem : e.problems()) err.println("  " + problem);
        } catch (RuntimeException e) {
            // a bug, not bad input; still no stack trace in an operator's terminal during an outage
            err.println("noroshi audit: internal error: " + e);
        }
        err.flush();
        return CANNOT_AUDIT;
    }
}
