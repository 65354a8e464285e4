package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

    @Test
    void idsAreTwelveLowercaseBase36Characters() {
        var ids = new RandomIds();

        IntStream.range(0, 1_000).forEach(i -> assertThat(ids.next()).matches("[0-9a-z]{12}"));
    }

    @Test
    void idsDoNotRepeatAndUseTheWholeAlphabet() {
        var ids = new RandomIds(new SplittableRandom(42));
        var seen = new HashSet<String>();
        var characters = new HashSet<Character>();

        for (int i = 0; i < 10_000; i++) {
            String id = ids.next();
            assertThat(seen.add(id)).as("repeated id %s", id).isTrue();
            id.chars().forEach(c -> characters.add((char) c));
        }

        assertThat(characters).hasSize(36);
    }
}
