package io.noroshi.mirror;

import io.noroshi.config.NoroshiConfig;
import io.noroshi.contacts.AgeKeys;
import io.noroshi.contacts.Contact;
import io.noroshi.contacts.ContactsBundle;
import io.noroshi.contacts.ContactsSource;
import io.noroshi.storage.Database;
import java.security.SecureRandom;
import java.util.List;

/** The files every mirror gets besides the public site: the restore export and the contacts bundle. */
public final class MirrorExports {

    private MirrorExports() {
    }

    /**
     * @param more contacts sources beyond the config's on-call roster (the subscribers, wired by the hub)
     */
    public static List<MirrorFiles> of(NoroshiConfig config, Database database, List<ContactsSource> more) {
        var bundle = config.mirrors().bundle();
        ContactsSource roster = () -> bundle.contacts().stream()
                .map(c -> new Contact("on-call", c.name(), c.role(), c.email(), c.phone())).toList();
        var sources = new java.util.ArrayList<ContactsSource>();
        sources.add(roster);
        sources.addAll(more);
        return List.of(new HistoryExportFile(new JdbiHistoryStore(database.jdbi())),
                new ContactsBundle(bundle.recipients().stream().map(AgeKeys::recipient).toList(), sources, new SecureRandom()));
    }
}
