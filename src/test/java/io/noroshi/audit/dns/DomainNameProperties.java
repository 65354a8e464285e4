package io.noroshi.audit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.audit.AuditInputException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.xbill.DNS.Name;

class DomainNameProperties {

    @Property
    void anyInputEitherParsesOrIsRefusedWithAnInputError(@ForAll String input) {
        try {
            Name name = DnsAudit.zoneName(input);
            assertThat(name.isAbsolute()).isTrue();
            assertThat(name.labels()).isGreaterThanOrEqualTo(3);
        } catch (AuditInputException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property
    void plainHostNamesParseWithOrWithoutTheTrailingDot(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String label,
                                                         @ForAll @AlphaChars @StringLength(min = 2, max = 6) String tld) {
        Name withoutDot = DnsAudit.zoneName(label + "." + tld);

        assertThat(DnsAudit.zoneName(label + "." + tld + ".")).isEqualTo(withoutDot);
        assertThat(withoutDot.toString()).isEqualToIgnoringCase(label + "." + tld + ".");
    }
}
