package io.noroshi.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code noroshi keys generate} and {@code noroshi contacts decrypt} as an operator runs them, mistakes included. */
class ContactsCommandsTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine line = Main.commandLine(args);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        return new Run(line.execute(args), out.toString(), err.toString());
    }

    @Test
    void aGeneratedKeyDecryptsABundleEncryptedToItsPublicKey() throws Exception {
        Path key = dir.resolve("ops.key");
        Run generated = run("keys", "generate", "-o", key.toString());
        assertThat(generated.code()).isZero();
        String publicKey = generated.out().strip();
        assertThat(publicKey).startsWith("age1").hasSize(62);
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(key)).contains("# public key: " + publicKey, "AGE-SECRET-KEY-1");
        assertThat(generated.out() + generated.err()).doesNotContain("AGE-SECRET-KEY");

        assertThat(run("keys", "generate", "-o", key.toString()).err()).contains("exists already");

        Path bundle = dir.resolve("noroshi-contacts.age");
        byte[] plain = ContactsBundle.plaintext(List.of(() -> List.of(new Contact("on-call", "Aiko", "lead", "aiko@example.net", ""))));
        Files.write(bundle, AgeFormat.encrypt(plain, List.of(AgeKeys.recipient(publicKey)), new SecureRandom()));
        Run decrypted = run("contacts", "decrypt", bundle.toString(), "--identity", key.toString());
        assertThat(decrypted.code()).isZero();
        assertThat(decrypted.out()).isEqualTo(new String(plain, StandardCharsets.UTF_8));

        Path other = dir.resolve("other.key");
        run("keys", "generate", "-o", other.toString());
        Run wrong = run("contacts", "decrypt", bundle.toString(), "--identity", other.toString());
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("none of the given keys can decrypt this file").doesNotContain("Exception");

        byte[] tampered = Files.readAllBytes(bundle);
        tampered[tampered.length - 5] ^= 0x20;
        Files.write(bundle, tampered);
        Run flipped = run("contacts", "decrypt", bundle.toString(), "--identity", key.toString());
        assertThat(flipped.code()).isEqualTo(1);
        assertThat(flipped.err()).contains("altered");

        Path notAKey = dir.resolve("not-a-key.txt");
        Files.writeString(notAKey, "# comment\nhello\n");
        Run bad = run("contacts", "decrypt", bundle.toString(), "--identity", notAKey.toString());
        assertThat(bad.err()).contains(notAKey + ":2:");
    }
}
