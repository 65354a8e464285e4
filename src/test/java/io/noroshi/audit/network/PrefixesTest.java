package io.noroshi.audit.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrefixesTest {

    @ParameterizedTest
    @CsvSource({
            "2001:db8::1, 2001:db8::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "::, ::",
            "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6",
            "2001:0:0:1::, 2001:0:0:1::",
            "198.51.100.7, 198.51.100.7"})
    void addressesAreWrittenTheShortWay(String address, String expected) throws Exception {
        assertThat(Prefixes.text(InetAddress.getByName(address).getAddress())).isEqualTo(expected);
    }
}
