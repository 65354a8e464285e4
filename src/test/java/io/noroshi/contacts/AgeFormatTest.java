package io.noroshi.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.InflaterInputStream;
import io.noroshi.testing.SeededTries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The age format against Debian's {@code age} in both directions, the C2SP CCTV vectors, and the
 * refusals an operator must see: a wrong key, a flipped byte, a cut file.
 */
class AgeFormatTest {

    static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void aBundleWeEncryptDecryptsWithDebiansAge() throws Exception {
        var alice = AgeKeys.generate(RANDOM);
        var bob = AgeKeys.generate(RANDOM);
        byte[] plaintext = new byte[150_000]; // three chunks, the last one short
        RANDOM.nextBytes(plaintext);
        Path file = dir.resolve("contacts.age");
        Files.write(file, AgeFormat.encrypt(plaintext, List.of(alice.recipient(), bob.recipient()), RANDOM));
        for (var identity : List.of(alice, bob)) {
            Path key = dir.resolve("key.txt");
            Files.writeString(key, "# test identity\n" + identity.encoded() + "\n");
            assertThat(run(null, "/usr/bin/age", "-d", "-i", key.toString(), file.toString())).isEqualTo(plaintext);
        }
    }

    @Test
    void aFileDebiansAgeEncryptsDecryptsHere() throws Exception {
        var identity = AgeKeys.generate(RANDOM);
        byte[] plaintext = "名前,電話\nAiko,+81 3 0000 0000\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
        byte[] encrypted = run(plaintext, "/usr/bin/age", "-r", identity.recipient().encoded());
        assertThat(AgeFormat.decrypt(encrypted, List.of(identity))).isEqualTo(plaintext);
    }

    @Test
    void keysAgeKeygenWritesAreReadAndOursReadByAgeKeygen() throws Exception {
        Path key = dir.resolve("keygen.txt");
        run(null, "/usr/bin/age-keygen", "-o", key.toString());
        var identities = AgeKeys.identities(key.toString(), Files.readString(key));
        String publicLine = Files.readAllLines(key).stream().filter(l -> l.startsWith("# public key: ")).findFirst().orElseThrow();
        assertThat(identities.getFirst().recipient().encoded()).isEqualTo(publicLine.substring("# public key: ".length()));
        var ours = AgeKeys.generate(RANDOM);
        Path mine = dir.resolve("mine.txt");
        Files.writeString(mine, ours.encoded() + "\n");
        assertThat(new String(run(null, "/usr/bin/age-keygen", "-y", mine.toString()), StandardCharsets.US_ASCII).strip())
                .isEqualTo(ours.recipient().encoded());
    }

    @Test
    void aWrongKeyIsRefusedWithAClearMessage() {
        var right = AgeKeys.generate(RANDOM);
        var wrong = AgeKeys.generate(RANDOM);
        byte[] file = AgeFormat.encrypt("secret".getBytes(StandardCharsets.UTF_8), List.of(right.recipient()), RANDOM);
        assertThatThrownBy(() -> AgeFormat.decrypt(file, List.of(wrong)))
                .isInstanceOf(AgeException.class).hasMessageContaining("none of the given keys can decrypt this file")
                .satisfies(e -> assertThat(((AgeException) e).stage()).isEqualTo(AgeException.Stage.NO_MATCH));
    }

    @Test
    void anyFlippedByteIsRefused() {
        var identity = AgeKeys.generate(RANDOM);
        byte[] plaintext = new byte[70_000];
        RANDOM.nextBytes(plaintext);
        byte[] file = AgeFormat.encrypt(plaintext, List.of(identity.recipient()), RANDOM);
        SeededTries.check("a flipped byte is refused", 300, cases -> {
            byte[] tampered = file.clone();
            int at = cases.between(0, tampered.length - 1);
            tampered[at] ^= (byte) (1 << cases.between(0, 7));
            assertThatThrownBy(() -> AgeFormat.decrypt(tampered, List.of(identity))).as("byte " + at).isInstanceOf(AgeException.class);
        });
        assertThatThrownBy(() -> AgeFormat.decrypt(Arrays.copyOf(file, file.length - 1), List.of(identity)))
                .hasMessageContaining("altered or cut short");
        byte[] body = file.clone();
        body[body.length - 100] ^= 1;
        assertThatThrownBy(() -> AgeFormat.decrypt(body, List.of(identity))).hasMessageContaining("contents have been altered");
        assertThatThrownBy(() -> AgeFormat.decrypt("hello".getBytes(StandardCharsets.US_ASCII), List.of(identity)))
                .hasMessageContaining("not an age file");
    }

    static Stream<Path> vectors() throws IOException {
        return Files.list(Path.of("src/test/resources/age-cctv")).filter(p -> !p.getFileName().toString().endsWith(".md")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void cctvVector(Path vector) throws IOException {
        byte[] all = Files.readAllBytes(vector);
        int blank = indexOf(all, "\n\n".getBytes(StandardCharsets.US_ASCII));
        var fields = new LinkedHashMap<String, String>();
        for (String line : new String(all, 0, blank, StandardCharsets.UTF_8).split("\n")) {
            int colon = line.indexOf(": ");
            fields.put(line.substring(0, colon), line.substring(colon + 2));
        }
        byte[] file = Arrays.copyOfRange(all, blank + 2, all.length);
        if ("zlib".equals(fields.get("compressed"))) file = new InflaterInputStream(new java.io.ByteArrayInputStream(file)).readAllBytes();
        var identity = AgeKeys.identity(fields.get("identity"));
        String expect = fields.get("expect");
        if (expect.equals("success")) {
            byte[] plaintext = AgeFormat.decrypt(file, List.of(identity));
            assertThat(sha256(plaintext)).isEqualTo(fields.get("payload"));
            return;
        }
        byte[] input = file;
        var stage = Map.of("header failure", AgeException.Stage.HEADER, "no match", AgeException.Stage.NO_MATCH,
                "HMAC failure", AgeException.Stage.HEADER_MAC, "payload failure", AgeException.Stage.PAYLOAD).get(expect);
        assertThatThrownBy(() -> AgeFormat.decrypt(input, List.of(identity))).isInstanceOf(AgeException.class)
                .satisfies(e -> assertThat(((AgeException) e).stage()).as(((AgeException) e).getMessage()).isEqualTo(stage));
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        throw new AssertionError("no blank line in the vector");
    }

    static byte[] run(byte[] stdin, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var out = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException ignored) {
                // the exit code tells
            }
        });
        try (var in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        reader.join();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
        return out.toByteArray();
    }
}
