package io.noroshi.contacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code noroshi contacts decrypt BUNDLE --identity FILE}: the bundle's contacts, as {@code age -d} would print them. */
@Command(name = "contacts", mixinStandardHelpOptions = true, description = "The encrypted contacts bundle mirrors hold.",
        subcommands = ContactsCommand.Decrypt.class)
public final class ContactsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true, description = "Decrypt a contacts bundle (noroshi-contacts.age) to stdout.")
    static final class Decrypt implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle file, e.g. fetched from a mirror.")
        Path bundle;

        @Option(names = {"-i", "--identity"}, required = true, paramLabel = "FILE", description = "Identity file (noroshi keys generate, age-keygen).")
        Path identity;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                var identities = AgeKeys.identities(identity.toString(), Files.readString(identity, StandardCharsets.UTF_8));
                byte[] plain = AgeFormat.decrypt(Files.readAllBytes(bundle), identities);
                ContactsBundle.read(plain);
                spec.commandLine().getOut().print(new String(plain, StandardCharsets.UTF_8));
                spec.commandLine().getOut().flush();
                return 0;
            } catch (NoSuchFileException e) {
                spec.commandLine().getErr().println("noroshi contacts decrypt: no such file: " + e.getFile());
                return 1;
            } catch (AgeException e) {
                spec.commandLine().getErr().println("noroshi contacts decrypt: " + bundle + ": " + e.getMessage());
                return 1;
            } catch (IOException e) {
                spec.commandLine().getErr().println("noroshi contacts decrypt: " + e.getMessage());
                return 1;
            }
        }
    }
}
