package io.noroshi.audit.dns;

import static io.noroshi.testing.SeededTries.check;
import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.audit.AuditInputException;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

class DomainNameProperties {

    @Test
    void anyInputEitherParsesOrIsRefusedWithAnInputError() {
        check("any input parses or is refused", 1_000, cases -> {
            String input = cases.oneIn(2) ? cases.anyChars(40) : cases.anyString(60);
            try {
                Name name = DnsAudit.zoneName(input);
                assertThat(name.isAbsolute()).isTrue();
                assertThat(name.labels()).isGreaterThanOrEqualTo(3);
            } catch (AuditInputException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        });
    }

    @Test
    void plainHostNamesParseWithOrWithoutTheTrailingDot() {
        check("host names parse with or without the dot", 1_000, cases -> {
            String label = cases.alpha(1, 20);
            String tld = cases.alpha(2, 6);
            Name withoutDot = DnsAudit.zoneName(label + "." + tld);

            assertThat(DnsAudit.zoneName(label + "." + tld + ".")).isEqualTo(withoutDot);
            assertThat(withoutDot.toString()).isEqualToIgnoringCase(label + "." + tld + ".");
        });
    }
}
