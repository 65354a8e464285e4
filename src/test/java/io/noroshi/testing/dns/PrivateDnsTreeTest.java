package io.noroshi.testing.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

@ExtendWith(PrivateDnsTreeExtension.class)
class PrivateDnsTreeTest {

    private static Message ask(PrivateDnsTree tree, String server, String name, int type) throws Exception {
        var resolver = new SimpleResolver(tree.server(server));
        resolver.setTimeout(Duration.ofSeconds(2));
        Message query = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
        query.getHeader().unsetFlag(Flags.RD);
        return resolver.send(query);
    }

    @Test
    void rootRefersTestToTheTldServer(PrivateDnsTree tree) throws Exception {
        Message reply = ask(tree, "root", "www.samenet.test.", Type.A);
        assertThat(reply.getSection(Section.AUTHORITY)).extracting(r -> r.getName().toString()).containsOnly("test.");
        assertThat(reply.getSection(Section.ADDITIONAL)).extracting(Record::rdataToString).contains("203.0.113.2");
    }

    @Test
    void laggingServersServeDifferentSerials(PrivateDnsTree tree) throws Exception {
        Message fresh = ask(tree, "lagging1", "lagging.test.", Type.SOA);
        Message stale = ask(tree, "lagging2", "lagging.test.", Type.SOA);
        assertThat(fresh.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(((org.xbill.DNS.SOARecord) fresh.getSection(Section.ANSWER).getFirst()).getSerial()).isEqualTo(PrivateDnsTree.LAGGING_NEW_SERIAL);
        assertThat(((org.xbill.DNS.SOARecord) stale.getSection(Section.ANSWER).getFirst()).getSerial()).isEqualTo(PrivateDnsTree.LAGGING_OLD_SERIAL);
    }

    @Test
    void aServerAskedForAZoneItDoesNotServeRefuses(PrivateDnsTree tree) throws Exception {
        assertThat(ask(tree, "samenet1", "lame.test.", Type.SOA).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void ipv6AddressesAnswerToo(PrivateDnsTree tree) throws Exception {
        var resolver = new SimpleResolver("2001:db8:2::21");
        resolver.setTimeout(Duration.ofSeconds(2));
        Message reply = resolver.send(Message.newQuery(Record.newRecord(Name.fromString("diverse.test."), Type.SOA, DClass.IN)));
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
    }
}
