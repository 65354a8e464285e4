package io.noroshi.contacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code noroshi keys generate}: an age X25519 key pair for the contacts bundle, as {@code age-keygen} writes it. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Operator keys for the encrypted contacts bundle.",
        subcommands = KeysCommand.Generate.class)
public final class KeysCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write a new identity (secret key) file; print its public key for mirrors.bundle.recipients.")
    static final class Generate implements Callable<Integer> {

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
                description = "Where to write the identity; never overwritten. Keep it off the hub, e.g. on the operator's laptop.")
        Path output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var identity = AgeKeys.generate(new SecureRandom());
            String publicKey = identity.recipient().encoded();
            String text = "# created: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n# public key: " + publicKey + "\n"
                    + identity.encoded() + "\n";
            try {
                Files.createFile(output, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(output, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                spec.commandLine().getErr().println("noroshi keys generate: " + output + " exists already; not overwriting a key");
                return 1;
            } catch (IOException | UnsupportedOperationException e) {
                spec.commandLine().getErr().println("noroshi keys generate: cannot write " + output + ": " + e.getMessage());
                return 1;
            }
            spec.commandLine().getErr().println("Public key (add it to mirrors.bundle.recipients):");
            spec.commandLine().getOut().println(publicKey);
            return 0;
        }
    }
}
