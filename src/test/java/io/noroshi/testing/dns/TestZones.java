package io.noroshi.testing.dns;

/** The zone files of {@link PrivateDnsTree}, one method per zone. */
final class TestZones {

    private TestZones() {
    }

    private static String soa(String origin, String primary, long serial) {
        return "$ORIGIN " + origin + "\n$TTL 300\n@ IN SOA " + primary + " hostmaster." + (origin.equals(".") ? "test." : origin) + " "
                + serial + " 3600 600 86400 300\n";
    }

    static String root() {
        return soa(".", "a.root.test.", 1) + """
                @            NS    a.root.test.
                a.root.test. A     203.0.113.1
                a.root.test. AAAA  2001:db8:3::1
                test.        NS    ns.nic.test.
                ns.nic.test. A     203.0.113.2
                """;
    }

    static String tld() {
        return soa("test.", "ns.nic.test.", 1) + """
                @             NS   ns.nic.test.
                ns.nic        A    203.0.113.2
                samenet       NS   ns1.samenet
                samenet       NS   ns2.samenet
                ns1.samenet   A    198.51.100.11
                ns2.samenet   A    198.51.100.12
                diverse       NS   ns1.diverse
                diverse       NS   ns2.diverse
                diverse       NS   ns3.diverse
                ns1.diverse   A    198.51.100.21
                ns1.diverse   AAAA 2001:db8:1::21
                ns2.diverse   A    198.51.100.141
                ns2.diverse   AAAA 2001:db8:2::21
                ns3.diverse   A    203.0.113.21
                lagging       NS   ns1.lagging
                lagging       NS   ns2.lagging
                ns1.lagging   A    198.51.100.31
                ns2.lagging   A    203.0.113.31
                lame          NS   ns1.lame
                lame          NS   ns2.lame
                ns1.lame      A    198.51.100.41
                ns2.lame      A    198.51.100.11
                noglue        NS   ns1.noglue
                noglue        NS   ns2.noglue
                outside       NS   ns1.diverse
                outside       NS   ns2.diverse
                fixable       NS   ns1.fixable
                fixable       NS   ns2.fixable
                ns1.fixable   A    198.51.100.51
                ns2.fixable   A    203.0.113.51
                """;
    }

    static String samenet() {
        return soa("samenet.test.", "ns1.samenet.test.", 2024010101) + """
                @    NS  ns1
                @    NS  ns2
                ns1  A   198.51.100.11
                ns2  A   198.51.100.12
                @    A   198.51.100.80
                www  A   198.51.100.80
                """;
    }

    static String diverse() {
        return soa("diverse.test.", "ns1.diverse.test.", 2024010101) + """
                @    NS   ns1
                @    NS   ns2
                @    NS   ns3
                ns1  A    198.51.100.21
                ns1  AAAA 2001:db8:1::21
                ns2  A    198.51.100.141
                ns2  AAAA 2001:db8:2::21
                ns3  A    203.0.113.21
                @    MX   10 mx1
                @    MX   20 mx2
                mx1  A    198.51.100.25
                mx2  A    203.0.113.25
                @    A    203.0.113.80
                www  CNAME @
                """;
    }

    static String outside() {
        return soa("outside.test.", "ns1.diverse.test.", 7) + """
                @    NS   ns1.diverse.test.
                @    NS   ns2.diverse.test.
                @    NS   ns3.diverse.test.
                @    MX   10 mx1.diverse.test.
                """;
    }

    static String lagging(long serial) {
        return soa("lagging.test.", "ns1.lagging.test.", serial) + """
                @     NS  ns1
                @     NS  ns2
                ns1   A   198.51.100.31
                ns2   A   203.0.113.31
                @     MX  10 mail
                mail  A   198.51.100.32
                www   A   198.51.100.180
                """;
    }

    static String lame() {
        return soa("lame.test.", "ns1.lame.test.", 1) + """
                @     NS  ns1
                @     NS  ns2
                ns1   A   198.51.100.41
                ns2   A   198.51.100.11
                @     MX  10 mx1.diverse.test.
                """;
    }

    static String fixable(long serial) {
        return soa("fixable.test.", "ns1.fixable.test.", serial) + """
                @     NS  ns1
                @     NS  ns2
                ns1   A   198.51.100.51
                ns2   A   203.0.113.51
                @     MX  10 mx1
                @     MX  20 mx2
                mx1   A   198.51.100.55
                mx2   A   203.0.113.55
                www   A   198.51.100.180
                """;
    }
}
