package io.noroshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.account.Actor;
import io.noroshi.account.Scope;
import io.noroshi.cli.Main;
import io.noroshi.subscriber.Subscriber;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code noroshi subscribers ...} against a hub over HTTP: CSV import with broken rows, export, list, add, remove. */
class SubscribersCliTest {

    @TempDir
    Path data;
    NotifyHub hub;
    String token;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void start() {
        hub = new NotifyHub(data.resolve("hub"), "channels: []\n");
        var operator = hub.hub.admin().accounts().create("ops@example.com", "correct horse battery".toCharArray());
        token = hub.hub.admin().access().issueToken(Actor.session(operator), "cli", Scope.ADMIN).secret();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private Run cli(String... words) {
        String[] args = new String[words.length + 4];
        System.arraycopy(words, 0, args, 0, words.length);
        args[words.length] = "--hub";
        args[words.length + 1] = hub.url("");
        args[words.length + 2] = "--token";
        args[words.length + 3] = token;
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = Main.commandLine(args).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void importRefusesBrokenRowsByLineAndKeepsTheRest() throws Exception {
        Path csv = Files.writeString(data.resolve("subscribers.csv"), """
                address,kind,lang,components
                alice@example.com,email,en,mail
                not-an-address,email,en,
                bob@example.com,email,ja,mail web
                carol@example.com,fax,en,
                dave@example.com,email,fr,
                erin@example.com,email,en,dns
                "unterminated@example.com,email
                https://hooks.example/status,webhook,en,
                ftp://hooks.example/status,webhook,en,
                http://127.0.0.1:%d/hook,webhook,en,
                """.formatted(hub.port));
        Run run = cli("subscribers", "import", csv.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(1); // something was refused
        assertThat(run.out()).contains("imported 3 subscriber(s)")
                .contains(csv + ":3: refused: not an e-mail address")
                .contains(csv + ":5: refused: kind must be email or webhook, not 'fax'")
                .contains(csv + ":6: refused: language must be one of [en, ja], not 'fr'")
                .contains(csv + ":7: refused: unknown component(s) [dns]")
                .contains(csv + ":8: refused: an unterminated quote")
                .contains(csv + ":10: refused: not an http(s) URL, or one pointing at this hub")
                .contains(csv + ":11: refused: not an http(s) URL, or one pointing at this hub")
                .doesNotContain(":2:").doesNotContain(":4:").doesNotContain(":9:");
        var store = hub.hub.notifications().subscriptions().store();
        assertThat(store.count()).isEqualTo(3);
        assertThat(store.byAddress(Subscriber.Kind.EMAIL, "bob@example.com").orElseThrow().components()).containsExactly("mail", "web");
        assertThat(store.byAddress(Subscriber.Kind.EMAIL, "bob@example.com").orElseThrow().state()).isEqualTo(Subscriber.State.CONFIRMED);

        Run export = cli("subscribers", "export");
        assertThat(export.exit()).isZero();
        assertThat(export.out().lines().toList()).containsExactlyInAnyOrder("address,kind,lang,components", "alice@example.com,email,en,mail",
                "bob@example.com,email,ja,mail web", "https://hooks.example/status,webhook,en,");

        Run list = cli("subscribers", "list", "--search", "bob");
        assertThat(list.out()).contains("bob@example.com").doesNotContain("alice@example.com").contains("3 subscriber(s) in all");

        Run add = cli("subscribers", "add", "https://hooks.example/other", "--kind", "webhook");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("signing secret (shown only now): whsec_");
        String id = store.byAddress(Subscriber.Kind.WEBHOOK, "https://hooks.example/other").orElseThrow().id();
        assertThat(cli("subscribers", "remove", id).exit()).isZero();
        assertThat(store.find(id)).isEmpty();
        Run again = cli("subscribers", "remove", id);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains(id);
    }

    @Test
    void aBadAddressIsRefusedWithItsField() {
        Run run = cli("subscribers", "add", "nobody-at-example.com");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("address").contains("is not an e-mail address");
    }

    @Test
    void testOfAnUnknownChannelFails() {
        Run run = cli("notify", "test", "nowhere");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("nowhere");
    }
}
