package io.noroshi.contacts;

import java.util.List;

/**
 * Where the contacts bundle's records come from: the on-call roster written in the config, and
 * (wired by the hub) the subscribers. Called on the mirrors' export thread.
 */
@FunctionalInterface
public interface ContactsSource {

    /** The records as of now, in a stable order (equal data, equal list). */
    List<Contact> contacts();
}
