package io.noroshi.audit.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class Pfx2AsProperties {

    private static final Pfx2AsNetworks MAP = map();

    private static Pfx2AsNetworks map() {
        try {
            Path file = Files.createTempFile("pfx2as", ".txt");
            file.toFile().deleteOnExit();
            Files.writeString(file, "198.51.100.0\t24\t64496\n198.51.100.128\t25\t64497\n198.51.100.192\t26\t64498\n");
            return Pfx2AsNetworks.read(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Property
    void everyAddressTakesItsMostSpecificPrefix(@ForAll @IntRange(min = 0, max = 255) int last) throws Exception {
        Network network = MAP.networkOf(InetAddress.getByName("198.51.100." + last));

        String expected = last >= 192 ? "AS64498" : last >= 128 ? "AS64497" : "AS64496";
        assertThat(network.origin()).contains(expected);
        assertThat(network.prefix()).startsWith("198.51.100.");
    }
}
