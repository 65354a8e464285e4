package io.noroshi.audit.dns;

import io.noroshi.audit.AuditRule;
import io.noroshi.audit.Finding;
import io.noroshi.audit.Severity;
import io.noroshi.probe.dns.DnsReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Judges each nameserver address: reachable over UDP and TCP, answering with authority, serving one serial. */
final class ServerRules {

    List<Finding> check(ZoneSnapshot zone) {
        var findings = new ArrayList<Finding>();
        for (ZoneSnapshot.ServerCheck server : zone.servers()) {
            boolean udpSilent = server.udp() instanceof DnsReply.Silent;
            boolean tcpSilent = server.tcp() instanceof DnsReply.Silent;
            if (udpSilent) {
                findings.add(AuditRule.DNS_NS_UNREACHABLE_UDP.finding(Severity.ERROR, server.label() + " does not answer over UDP ("
                        + server.udp().describe() + ").", List.of(server.label())));
            }
            if (tcpSilent) {
                findings.add(AuditRule.DNS_NS_UNREACHABLE_TCP.finding(Severity.ERROR, server.label() + " does not answer over TCP ("
                        + server.tcp().describe() + "); large answers and some resolvers need it.", List.of(server.label())));
            }
            boolean lame = !(udpSilent && tcpSilent) && !server.udp().isAuthoritative() && !server.tcp().isAuthoritative();
            if (lame) {
                DnsReply said = udpSilent ? server.tcp() : server.udp();
                findings.add(AuditRule.DNS_NS_LAME.finding(Severity.ERROR, server.label() + " is delegated " + zone.zone()
                        + " but does not answer for it with authority (" + said.describe() + "): a lame delegation.",
                        List.of(server.label() + ": " + said.describe())));
            }
        }
        serials(zone, findings);
        return findings;
    }

    private static void serials(ZoneSnapshot zone, List<Finding> findings) {
        Optional<Long> newest = zone.servers().stream().map(ZoneSnapshot.ServerCheck::serial).flatMap(Optional::stream)
                .max(Long::compare);
        if (newest.isEmpty()) return;
        var behind = zone.servers().stream().filter(s -> s.serial().isPresent() && !s.serial().equals(newest)).toList();
        if (behind.isEmpty()) return;
        var evidence = zone.servers().stream().filter(s -> s.serial().isPresent())
                .map(s -> s.label() + " serial " + s.serial().get()).toList();
        String lagging = String.join(", ", behind.stream().map(s -> s.label() + " (" + s.serial().get() + ")").toList());
        findings.add(AuditRule.DNS_SOA_SERIAL_MISMATCH.finding(Severity.WARNING, "SOA serials disagree: " + lagging
                + " behind " + newest.get() + "; those servers hand out stale data.", evidence));
    }
}
