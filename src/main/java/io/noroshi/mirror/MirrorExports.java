package io.noroshi.mirror;

import io.noroshi.config.NoroshiConfig;
import io.noroshi.contacts.AgeKeys;
import io.noroshi.contacts.Contact;
import io.noroshi.contacts.ContactsBundle;
import io.noroshi.contacts.ContactsSource;
import io.noroshi.storage.Database;
import io.noroshi.subscriber.JdbiSubscriberStore;
import io.noroshi.subscriber.SubscriberContacts;
import java.security.SecureRandom;
import java.util.List;

/** The files every mirror gets besides the public site: the restore export and the contacts bundle. */
public final class MirrorExports {

    private MirrorExports() {
    }

    /** The restore export and the contacts bundle: the config's on-call roster and the confirmed e-mail subscribers. */
    public static List<MirrorFiles> of(NoroshiConfig config, Database database) {
        var bundle = config.mirrors().bundle();
        ContactsSource roster = () -> bundle.contacts().stream()
                .map(c -> new Contact("on-call", c.name(), c.role(), c.email(), c.phone())).toList();
        var sources = new java.util.ArrayList<ContactsSource>();
        sources.add(roster);
        sources.add(new SubscriberContacts(new JdbiSubscriberStore(database)));
        return List.of(new HistoryExportFile(new JdbiHistoryStore(database.jdbi())),
                new ContactsBundle(bundle.recipients().stream().map(AgeKeys::recipient).toList(), sources, new SecureRandom()));
    }
}
