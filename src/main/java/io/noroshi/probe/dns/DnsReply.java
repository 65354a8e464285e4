package io.noroshi.probe.dns;

import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/** What one server said to one query: a message, or nothing within the timeout. */
public sealed interface DnsReply {

    /** The server replied; whether it was an authoritative answer is for the caller to judge. */
    record Answered(Message message) implements DnsReply {

        public boolean authoritative() {
            return message.getHeader().getFlag(Flags.AA) && message.getRcode() == Rcode.NOERROR;
        }

        public String rcode() {
            return Rcode.string(message.getRcode());
        }

        public List<Record> answers() {
            return message.getSection(Section.ANSWER);
        }

        /** The SOA serial in the answer section, if there is one. */
        public Optional<Long> serial() {
            return answers().stream().filter(SOARecord.class::isInstance).map(r -> ((SOARecord) r).getSerial()).findFirst();
        }
    }

    /** No usable reply: timeout, refused connection, malformed message. */
    record Silent(String reason) implements DnsReply {
    }

    /** True for an authoritative NOERROR reply. */
    default boolean isAuthoritative() {
        return this instanceof Answered answered && answered.authoritative();
    }

    /** A short description for messages and evidence: "authoritative", "REFUSED", "not authoritative", "timeout". */
    default String describe() {
        return switch (this) {
            case Answered a when a.authoritative() -> "authoritative";
            case Answered a when a.message().getRcode() != Rcode.NOERROR -> a.rcode();
            case Answered a -> "not authoritative";
            case Silent s -> s.reason();
        };
    }
}
