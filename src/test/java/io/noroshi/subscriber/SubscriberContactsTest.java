package io.noroshi.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.contacts.Contact;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subscribers in the contacts bundle: confirmed e-mail addresses only, in a stable order, from a real SQLite store. */
class SubscriberContactsTest {

    @TempDir
    Path dir;

    @Test
    void confirmedEmailSubscribersOnlyInAddressOrder() {
        try (Database db = Database.open(DatabaseSettings.Sqlite.inDataDir(dir))) {
            var store = new JdbiSubscriberStore(db);
            var now = Instant.parse("2026-12-01T00:00:00Z");
            store.add(Subscriber.Kind.EMAIL, "zoe@example.com", "en", List.of(), Subscriber.State.CONFIRMED, now);
            store.add(Subscriber.Kind.EMAIL, "pending@example.com", "en", List.of(), Subscriber.State.PENDING, now);
            store.add(Subscriber.Kind.WEBHOOK, "https://hooks.example/x", "en", List.of(), Subscriber.State.CONFIRMED, now);
            store.add(Subscriber.Kind.EMAIL, "adam@example.com", "ja", List.of("web"), Subscriber.State.CONFIRMED, now);

            var contacts = new SubscriberContacts(store).contacts();

            assertThat(contacts).containsExactly(new Contact("subscriber", "", "", "adam@example.com", "", "ja", List.of("web")),
                    new Contact("subscriber", "", "", "zoe@example.com", "", "en", List.of()));
            assertThat(new SubscriberContacts(store).contacts()).as("equal data, equal list").isEqualTo(contacts);
        }
    }

    @Test
    void aStandbyGetsTheBundlesSubscribersConfirmedWithTheirLanguageAndScopeOnce() {
        var contacts = List.of(new Contact("subscriber", "", "", "adam@example.com", "", "ja", List.of("web")),
                new Contact("subscriber", "", "", "zoe@example.com", "", "", List.of()),
                new Contact("on-call", "Aiko", "lead", "aiko@example.net", ""));
        try (Database db = Database.open(DatabaseSettings.Sqlite.inDataDir(dir))) {
            var store = new JdbiSubscriberStore(db);
            var now = Instant.parse("2026-12-01T00:00:00Z");

            assertThat(SubscriberContacts.restore(store, contacts, now)).isEqualTo(2);
            assertThat(SubscriberContacts.restore(store, contacts, now)).as("a second restore adds nobody twice").isZero();

            var adam = store.byAddress(Subscriber.Kind.EMAIL, "adam@example.com").orElseThrow();
            assertThat(adam.state()).isEqualTo(Subscriber.State.CONFIRMED);
            assertThat(adam.lang()).isEqualTo("ja");
            assertThat(adam.components()).containsExactly("web");
            assertThat(store.byAddress(Subscriber.Kind.EMAIL, "zoe@example.com").orElseThrow().lang()).isEqualTo("en");
            assertThat(store.byAddress(Subscriber.Kind.EMAIL, "aiko@example.net")).as("on-call contacts are not subscribers").isEmpty();
            // the bundle's round trip keeps language and scope
            assertThat(io.noroshi.contacts.ContactsBundle.read(io.noroshi.contacts.ContactsBundle.plaintext(List.of(() -> contacts))))
                    .isEqualTo(contacts);
        }
    }
}
