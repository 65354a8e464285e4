package io.noroshi.storage;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Ids for stored records: 12 lowercase base36 characters, like Statuspage ids. Unguessable (about
 * 62 bits from a SecureRandom) because ids appear in public URLs of the status page.
 */
public final class RandomIds {

    /** Length of every id. */
    public static final int LENGTH = 12;
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final RandomGenerator random;

    public RandomIds() {
        this(new SecureRandom());
    }

    RandomIds(RandomGenerator random) {
        this.random = random;
    }

    /** A fresh id; callers rely on the primary key to catch the (negligible) chance of a repeat. */
    public String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(id);
    }
}
