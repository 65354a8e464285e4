package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTrainingTest {

    @Test
    void readsEveryPublicFileOfTheDemoWithAndWithoutGzipThenLeavesNoDataBehind(@TempDir Path parent) throws Exception {
        int answered = StartupTraining.run(parent);

        assertThat(answered).isEqualTo(StartupTraining.PATHS.size() * 2 * StartupTraining.ROUNDS);
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }
}
