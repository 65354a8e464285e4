package io.noroshi.audit.dns;

import io.noroshi.audit.AuditInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** Root hints in zone-file format (as {@code named.root}): the root NS names and their addresses. */
public final class RootHints {

    private RootHints() {
    }

    /** The root servers' addresses, IPv4 first, on port 53; {@link AuditInputException} when unusable. */
    public static List<InetSocketAddress> read(Path file) {
        Set<Name> rootServers = new LinkedHashSet<>();
        var addresses = new ArrayList<Record>();
        try (var master = new Master(file.toString(), Name.root)) {
            Record record;
            while ((record = master.nextRecord()) != null) {
                if (record instanceof NSRecord ns && ns.getName().equals(Name.root)) rootServers.add(ns.getTarget());
                if (record instanceof ARecord || record instanceof AAAARecord) addresses.add(record);
            }
        } catch (IOException e) {
            throw new AuditInputException("root hints " + file + ": " + e.getMessage());
        }
        var found = new ArrayList<InetAddress>();
        for (Record record : addresses) {
            if (!rootServers.isEmpty() && !rootServers.contains(record.getName())) continue;
            found.add(record instanceof ARecord a ? a.getAddress() : ((AAAARecord) record).getAddress());
        }
        if (found.isEmpty()) throw new AuditInputException("root hints " + file + ": no address (A or AAAA) for a root server");
        return Referrals.ipv4First(found).stream().map(a -> new InetSocketAddress(a, 53)).toList();
    }
}
