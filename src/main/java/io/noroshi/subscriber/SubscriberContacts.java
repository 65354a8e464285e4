package io.noroshi.subscriber;

import io.noroshi.contacts.Contact;
import io.noroshi.contacts.ContactsSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The confirmed e-mail subscribers as records of the contacts bundle, so a standby restored from a
 * mirror with the operator's key can reach them. Webhook subscribers are left out (a contact has no URL;
 * their signing secrets must not travel).
 */
public final class SubscriberContacts implements ContactsSource {

    private final SubscriberStore store;

    public SubscriberContacts(SubscriberStore store) {
        this.store = store;
    }

    @Override
    public List<Contact> contacts() {
        var contacts = new ArrayList<Contact>();
        store.each(s -> {
            if (s.kind() == Subscriber.Kind.EMAIL && s.state() == Subscriber.State.CONFIRMED) {
                contacts.add(new Contact("subscriber", "", "", s.address(), "", s.lang(), s.components()));
            }
        });
        // each() walks by id; the bundle compares lists, so sort by address for a stable order
        contacts.sort(java.util.Comparator.comparing(Contact::email));
        return contacts;
    }

    /**
     * Puts the subscribers of a decrypted bundle into a standby's store, confirmed (they confirmed on the hub they
     * came from), with their language and scope; an address the store already has is left as it is.
     *
     * @return how many were added
     */
    public static int restore(SubscriberStore store, List<Contact> contacts, java.time.Instant now) {
        int added = 0;
        for (Contact c : contacts) {
            if (!c.kind().equals("subscriber") || c.email().isEmpty()) continue;
            if (store.byAddress(Subscriber.Kind.EMAIL, c.email()).isPresent()) continue;
            store.add(Subscriber.Kind.EMAIL, c.email(), c.lang().isEmpty() ? "en" : c.lang(), c.components(), Subscriber.State.CONFIRMED, now);
            added++;
        }
        return added;
    }
}
