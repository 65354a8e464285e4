package io.noroshi.audit.network;

import static io.noroshi.testing.SeededTries.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pfx2AsProperties {

    @Test
    void everyAddressTakesItsMostSpecificPrefix(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pfx2as.txt");
        Files.writeString(file, "198.51.100.0\t24\t64496\n198.51.100.128\t25\t64497\n198.51.100.192\t26\t64498\n");
        Pfx2AsNetworks map = Pfx2AsNetworks.read(file);

        check("most specific prefix wins", 1_000, cases -> {
            int last = cases.between(0, 255);
            Network network = map.networkOf(InetAddress.getByName("198.51.100." + last));

            String expected = last >= 192 ? "AS64498" : last >= 128 ? "AS64497" : "AS64496";
            assertThat(network.origin()).contains(expected);
            assertThat(network.prefix()).startsWith("198.51.100.");
        });
    }
}
