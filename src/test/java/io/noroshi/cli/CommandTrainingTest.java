package io.noroshi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command-line part of the startup-cache training runs every command it names and leaves nothing behind. */
class CommandTrainingTest {

    @Test
    void runsCheckConfigAndBothAuditsAndRemovesItsFiles() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (var listing = Files.list(tmp)) {
            before = listing.filter(p -> p.getFileName().toString().startsWith("noroshi-command-training-")).count();
        }
        var codes = CommandTraining.run();
        assertThat(codes).hasSize(4);
        assertThat(codes.get(0)).as("check-config of the demo").isZero();
        assertThat(codes.subList(1, 3)).as("inventory audits report findings, they do not fail").allSatisfy(c -> assertThat(c).isBetween(0, 2));
        assertThat(codes.get(3)).as("the live audit reaches the refusing server and reports").isBetween(0, 2);
        try (var listing = Files.list(tmp)) {
            assertThat(listing.filter(p -> p.getFileName().toString().startsWith("noroshi-command-training-")).count()).isEqualTo(before);
        }
    }
}
