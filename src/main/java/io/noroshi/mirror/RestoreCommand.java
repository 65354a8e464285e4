package io.noroshi.mirror;

import io.noroshi.config.ConfigException;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.contacts.AgeException;
import io.noroshi.contacts.AgeFormat;
import io.noroshi.contacts.AgeKeys;
import io.noroshi.contacts.ContactsBundle;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseException;
import io.noroshi.subscriber.JdbiSubscriberStore;
import io.noroshi.subscriber.SubscriberContacts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code noroshi restore --from MIRROR}: builds a standby hub's database from a mirror's export
 * (checked against the mirror's manifest), and with {@code --identity} decrypts the contacts bundle
 * beside it. Then {@code noroshi serve} on the same data answers the public API as the original did.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Build a standby hub's database from a mirror: components, incidents, maintenance, uptime; with --identity, the contacts.")
public final class RestoreCommand implements Callable<Integer> {

    @Mixin
    HubCommandOptions hub;

    @Option(names = "--from", required = true, paramLabel = "MIRROR",
            description = "A mirror id of the config, the URL a mirror is served at, or a mirror directory.")
    String from;

    @Option(names = "--identity", paramLabel = "FILE", description = "An age identity file: also decrypt the contacts bundle.")
    Path identity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NoroshiConfig config = null;
        if (Files.isRegularFile(hub.config)) {
            try {
                config = hub.loadConfig();
            } catch (ConfigException e) {
                e.problems().forEach(err::println);
                return 1;
            }
        }
        try (MirrorSource source = MirrorSource.open(from, config, hub.data, System.getenv())) {
            Manifest manifest = source.manifest();
            HistoryExport export = HistoryExport.parse(source.name(), source.file(HistoryExport.FILE).orElseThrow(() ->
                    new MirrorException(source.name() + " holds no " + HistoryExport.FILE + " (published by a hub older than this one?)")));
            byte[] bundle = null;
            if (identity != null) {
                bundle = source.file(ContactsBundle.FILE).orElseThrow(() ->
                        new MirrorException(source.name() + " holds no contacts bundle: mirrors.bundle.recipients was empty on the hub"));
            }
            // Decrypted before anything is written: a wrong key leaves the standby's data untouched.
            byte[] plain = null;
            if (bundle != null) {
                var identities = AgeKeys.identities(identity.toString(), Files.readString(identity, StandardCharsets.UTF_8));
                plain = AgeFormat.decrypt(bundle, identities);
            }
            var contacts = plain == null ? java.util.List.<io.noroshi.contacts.Contact>of() : ContactsBundle.read(plain);
            int subscribers;
            try (Database database = hub.openDatabase()) {
                new JdbiHistoryStore(database.jdbi()).restore(export);
                subscribers = SubscriberContacts.restore(new JdbiSubscriberStore(database), contacts, java.time.Instant.now());
            }
            out.printf("restored %d rows from %s (site generated at %s)%n", export.rows(), source.name(), manifest.generatedAt());
            if (plain != null) {
                out.printf("restored %d subscriber(s) from the contacts bundle, confirmed, with their language and components%n", subscribers);
                Path written = hub.data.resolve("restored-contacts.json");
                Files.createDirectories(hub.data);
                Files.write(written, plain);
                try {
                    Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the directory's own permissions apply
                }
                out.printf("decrypted %d contact(s) into %s (readable by you only)%n", contacts.size(), written);
            }
            out.flush();
            return 0;
        } catch (MirrorException | DatabaseException | AgeException e) {
            err.println("noroshi restore: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("noroshi restore: " + e.getMessage());
            return 1;
        }
    }
}
