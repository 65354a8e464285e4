package io.noroshi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.probe.dns.ResolverFactory;
import io.noroshi.testing.dns.PrivateDnsTree;
import io.noroshi.testing.dns.PrivateDnsTreeExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(PrivateDnsTreeExtension.class)
class AuditCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var command = new CommandLine(new AuditCommand(InstantSource.fixed(Instant.parse("2026-01-02T03:04:05Z")), ResolverFactory.direct()));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int code = command.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run live(PrivateDnsTree tree, String domain, String... more) {
        var args = new ArrayList<>(List.of(domain, "--root-hints", tree.rootHints().toString(), "--timeout-ms", "2000"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void jsonCarriesStableRuleIdsEvidenceAndReferences(PrivateDnsTree tree) throws Exception {
        Run run = live(tree, "samenet.test", "--asn-db", tree.pfx2as().toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("exit_code").asInt()).isEqualTo(1);
        assertThat(json.get("summary").get("warning").asInt()).isPositive();
        JsonNode prefix = null;
        for (JsonNode finding : json.get("findings")) if (finding.get("rule").asText().equals("dns.ns.prefix-diversity")) prefix = finding;
        assertThat(prefix).isNotNull();
        assertThat(prefix.get("severity").asText()).isEqualTo("warning");
        assertThat(prefix.get("reference").asText()).contains("CONNECTIVITY04");
        assertThat(prefix.get("evidence").get(0).asText()).contains("198.51.100.");
    }

    @Test
    void exitCodesFollowTheWorstFinding(PrivateDnsTree tree) {
        assertThat(live(tree, "lame.test", "--asn-db", tree.pfx2as().toString()).exitCode()).isEqualTo(2);
        Run clean = live(tree, "diverse.test", "--asn-db", tree.pfx2as().toString());
        assertThat(clean.exitCode()).as(clean.out()).isEqualTo(0);
        assertThat(clean.out()).contains("Audit of diverse.test.", "exit 0");
    }

    @Test
    void aNamedResolverFindsTheParentToo(PrivateDnsTree tree) {
        var resolver = tree.recursiveResolver();
        Run run = run("lagging.test", "--resolver", resolver.getAddress().getHostAddress() + ":" + resolver.getPort(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("\"dns.soa.serial-mismatch\"", "\"dns.asn-db.absent\"");
    }

    @Test
    void aMalformedDomainIsAClearErrorWithoutAStackTrace() {
        Run run = run("not a domain!");

        assertThat(run.exitCode()).isEqualTo(AuditCommand.CANNOT_AUDIT);
        assertThat(run.err()).contains("noroshi audit:", "is not a domain name").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aBadPfx2asLineIsNamedByFileAndLine(PrivateDnsTree tree) throws Exception {
        Path bad = file("bad-pfx2as.txt", "198.51.100.0\t25\t64496\n198.51.100.128\ttwentyfive\t64497\n");

        Run run = live(tree, "samenet.test", "--asn-db", bad.toString());

        assertThat(run.exitCode()).isEqualTo(AuditCommand.CANNOT_AUDIT);
        assertThat(run.err()).contains(bad + ":2:", "twentyfive").doesNotContain("\tat ");
    }

    @Test
    void aBadConfigPrintsEveryProblemOnItsOwnLine() throws Exception {
        Path config = file("noroshi.yaml", """
                page: {name: Broken}
                services:
                  - {id: web, kind: wbe, endpoints: [{host: www, site: nowhere}]}
                """);

        Run run = run("--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(AuditCommand.CANNOT_AUDIT);
        List<String> lines = run.err().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("noroshi audit: the config cannot be used:");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(config + ":3", "wbe"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("nowhere"));
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void theStorysInventoryReportsItsBlastRadiusAndFails() throws Exception {
        Path config = file("story.yaml", """
                page: {name: Story Hosting}
                sites:
                  - {id: dc1, shared_parts: [{id: san}]}
                services:
                  - {id: dns, kind: dns, endpoints: [{host: ns1, site: dc1, shared_parts: [san]}]}
                  - {id: web, kind: web, endpoints: [{host: www, site: dc1, shared_parts: [san]}], depends_on: [dns]}
                  - {id: status, kind: status, endpoints: [{host: status, site: dc1, shared_parts: [san]}]}
                """);

        Run run = run("--config", config.toString(), "--fail", "san");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("[inventory.dns-colocated-with-web]", "[inventory.status-page-shares-site]",
                "If shared-part san", "down: dns, web, status", "CANNOT PUBLISH");
    }

    @Test
    void failWithoutAConfigAndNoSubjectAtAllAreRefused() {
        assertThat(run("--fail", "dc1").err()).contains("--fail needs --config");
        assertThat(run().exitCode()).isEqualTo(AuditCommand.CANNOT_AUDIT);
        Run badFormat = run("example.com", "--format", "xml");
        assertThat(badFormat.exitCode()).isEqualTo(AuditCommand.CANNOT_AUDIT);
        assertThat(badFormat.err()).contains("xml");
    }
}
