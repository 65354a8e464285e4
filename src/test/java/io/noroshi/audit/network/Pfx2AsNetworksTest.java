package io.noroshi.audit.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pfx2AsNetworksTest {

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        return Files.writeString(dir.resolve("pfx2as.txt"), text);
    }

    @Test
    void theLongestMatchingPrefixWins() throws Exception {
        var map = Pfx2AsNetworks.read(file("198.51.100.0\t24\t64496\n198.51.100.128\t25\t64497\n2001:db8::\t32\t64498_64499\n"));

        assertThat(map.networkOf(InetAddress.getByName("198.51.100.200"))).isEqualTo(new Network("198.51.100.128/25", Optional.of("AS64497")));
        assertThat(map.networkOf(InetAddress.getByName("198.51.100.1"))).isEqualTo(new Network("198.51.100.0/24", Optional.of("AS64496")));
        assertThat(map.networkOf(InetAddress.getByName("2001:db8:5::1")).origin()).contains("AS64498_64499");
        assertThat(map.knowsOrigins()).isTrue();
    }

    @Test
    void anAddressNotInTheFileHasAnUnknownOrigin() throws Exception {
        var map = Pfx2AsNetworks.read(file("198.51.100.0\t24\t64496\n"));

        assertThat(map.networkOf(InetAddress.getByName("203.0.113.7"))).isEqualTo(new Network("203.0.113.0/24", Optional.empty()));
    }

    @Test
    void aBadLineIsReportedWithFileAndLine() throws Exception {
        Path path = file("# comment\n198.51.100.0\t24\t64496\n198.51.100.0\t33\t64496\n");

        assertThatThrownBy(() -> Pfx2AsNetworks.read(path)).isInstanceOf(AsnDatabaseException.class)
                .hasMessage(path + ":3: '33' is not a prefix length for 198.51.100.0");
        Path words = file("example.com 24 1\n");
        assertThatThrownBy(() -> Pfx2AsNetworks.read(words)).hasMessageStartingWith(words + ":1: 'example.com' is not an IP address");
    }

    @Test
    void withoutADatabaseIpv4GroupsBySlash24AndIpv6BySlash48() throws Exception {
        var map = NetworkMaps.open(Optional.empty());

        assertThat(map.networkOf(InetAddress.getByName("192.0.2.77")).prefix()).isEqualTo("192.0.2.0/24");
        assertThat(map.networkOf(InetAddress.getByName("2001:db8:1:2::1")).prefix()).isEqualTo("2001:db8:1::/48");
        assertThat(map.knowsOrigins()).isFalse();
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> NetworkMaps.open(Optional.of(missing))).isInstanceOf(AsnDatabaseException.class)
                .hasMessageContaining(missing.toString());
    }
}
