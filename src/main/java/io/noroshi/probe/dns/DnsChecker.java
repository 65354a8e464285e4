package io.noroshi.probe.dns;

import io.noroshi.probe.CheckOutcome;
import io.noroshi.probe.CheckResult;
import io.noroshi.probe.Checker;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Checks every authoritative server of a zone on its own: each must answer with the AA bit; for SOA the
 * serials must agree, since a lagging secondary serves stale data while looking healthy.
 */
public final class DnsChecker implements Checker<DnsProbe> {

    private final ResolverFactory resolvers;
    private final InstantSource clock;

    public DnsChecker(ResolverFactory resolvers, InstantSource clock) {
        this.resolvers = resolvers;
        this.clock = clock;
    }

    private record ServerAnswer(String server, DnsReply.Answered reply) {
    }

    @Override
    public CheckResult check(DnsProbe probe) {
        Instant started = clock.instant();
        Name name;
        try {
            name = Name.fromString(probe.name(), Name.root);
        } catch (TextParseException e) {
            return result(CheckOutcome.DOWN, started, "not a domain name: " + probe.name());
        }
        var query = new DirectQuery(resolvers, probe.timeout());
        int type = Type.value(probe.type().name());
        var answers = new ArrayList<ServerAnswer>();
        for (String server : probe.servers()) {
            InetSocketAddress address;
            try {
                address = DnsProbe.socketAddress(server);
            } catch (UnknownHostException e) {
                return result(CheckOutcome.DOWN, started, server + ": cannot resolve server (" + e.getMessage() + ")");
            }
            DnsReply reply = query.ask(address, name, type, DirectQuery.Transport.UDP);
            if (!(reply instanceof DnsReply.Answered answered) || !answered.authoritative()) {
                return result(CheckOutcome.DOWN, started, server + ": no authoritative answer for " + name + " (" + reply.describe() + ")");
            }
            if (answered.answers().stream().noneMatch(r -> r.getType() == type)) {
                return result(CheckOutcome.DOWN, started, server + ": no " + probe.type() + " record for " + name);
            }
            if (probe.expected().isPresent() && !contains(answered.answers(), type, probe.expected().get())) {
                return result(CheckOutcome.DOWN, started, server + ": " + probe.type() + " " + rdata(answered.answers(), type)
                        + " does not include expected " + probe.expected().get());
            }
            answers.add(new ServerAnswer(server, answered));
        }
        if (probe.type() == DnsProbe.RecordType.SOA) {
            ServerAnswer newest = answers.stream().max(java.util.Comparator.comparingLong(a -> a.reply().serial().orElse(0L))).orElseThrow();
            for (ServerAnswer answer : answers) {
                long serial = answer.reply().serial().orElse(0L);
                long latest = newest.reply().serial().orElse(0L);
                if (serial != latest) {
                    return result(CheckOutcome.DEGRADED, started, "SOA serial " + serial + " at " + answer.server()
                            + " behind " + latest + " at " + newest.server());
                }
            }
        }
        return result(CheckOutcome.UP, started, answers.size() + " authoritative answers");
    }

    private static boolean contains(List<Record> records, int type, String expected) {
        String wanted = normalise(expected);
        return records.stream().filter(r -> r.getType() == type).anyMatch(r -> normalise(r.rdataToString()).equals(wanted));
    }

    private static String rdata(List<Record> records, int type) {
        return String.join(", ", records.stream().filter(r -> r.getType() == type).map(Record::rdataToString).toList());
    }

    private static String normalise(String rdata) {
        String lower = rdata.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private CheckResult result(CheckOutcome outcome, Instant started, String message) {
        Duration latency = Duration.between(started, clock.instant());
        return new CheckResult(outcome, started, latency.isNegative() ? Duration.ZERO : latency, message);
    }
}
