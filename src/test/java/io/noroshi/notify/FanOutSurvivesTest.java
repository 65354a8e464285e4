package io.noroshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.noroshi.storage.Database;
import io.noroshi.storage.DatabaseSettings;
import io.noroshi.storage.TestPostgres;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's promises, with hubs in their own JVMs and GreenMail counting at the SMTP server: a hub killed with
 * SIGKILL in the middle of a fan-out and started again leaves no recipient without the message, and repeats only
 * messages that were in flight; two hubs on one PostgreSQL draining one outbox send nothing twice.
 */
class FanOutSurvivesTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup[] {ServerSetupTest.SMTP.createCopy("127.0.0.1").dynamicPort()});

    private static final String INCIDENT = """
            {"name": {"en": "Mail is delayed"}, "impact": "major", "body": {"en": "Looking into it."},
             "affected_components": [{"id": "mail", "status": "major_outage"}]}""";

    @TempDir
    Path dir;

    private Path config(int port, int perSecond) throws Exception {
        return Files.writeString(dir.resolve("noroshi.yaml"), NotifyHub.config(port, """
                channels:
                  - name: mail
                    kind: email
                    from: status@sakura.example
                    host: 127.0.0.1
                    port: %d
                    tls: none
                    connections: 4
                    per_second: %d
                """.formatted(SMTP.getSmtp().getPort(), perSecond)));
    }

    @Test
    void aHubKilledMidFanOutAndRestartedLeavesNobodyOut() throws Exception {
        int subscribers = 1200;
        Path data = dir.resolve("data");
        DatabaseSettings where = ChildHub.sqlite(data);
        String token = ChildHub.adminToken(where);
        ChildHub.subscribers(where, subscribers);
        int port = NotifyHub.freePort();
        Path config = config(port, 100);
        Path log = dir.resolve("hub.log");

        Set<String> inFlightAtKill = new HashSet<>();
        try (ChildHub first = ChildHub.start(config, data, port, null, log)) {
            assertThat(first.post("/incidents", token, INCIDENT).statusCode()).isEqualTo(201);
            // Bounded: kill once a good part went out (about 3 s at 100 a second), or give up after 60 s.
            for (int i = 0; i < 600 && SMTP.getReceivedMessages().length < subscribers / 4; i++) Thread.sleep(100);
            int before = SMTP.getReceivedMessages().length;
            assertThat(before).as("part of the fan-out went out before the kill").isBetween(1, subscribers - 1);
            first.kill();
        }
        int atKill = SMTP.getReceivedMessages().length;
        try (Database db = Database.open(where)) {
            db.read(h -> h.createQuery("SELECT s.address FROM notify_deliveries d JOIN notify_subscribers s ON s.id = d.subscriber_id"
                    + " WHERE d.state = 'pending' AND d.lease_owner IS NOT NULL").mapTo(String.class).list()).forEach(inFlightAtKill::add);
        }
        try (ChildHub second = ChildHub.start(config, data, port, null, log)) {
            for (int i = 0; i < 1200 && recipients().size() < subscribers; i++) Thread.sleep(100);
        }
        Map<String, Integer> counts = recipients();
        long duplicates = counts.values().stream().mapToInt(n -> n - 1).sum();
        System.out.printf("fan-out kill: %d subscribers, %d received before the kill, %d claimed but not finished at the kill,"
                + " %d received twice%n", subscribers, atKill, inFlightAtKill.size(), duplicates);
        assertThat(counts).as("every subscriber got the message").hasSize(subscribers);
        var twice = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertThat(inFlightAtKill).as("only messages in flight at the kill may come twice").containsAll(twice);
        assertThat(counts.values()).allMatch(n -> n <= 2);
        assertThat(Files.readString(log)).doesNotContain("user1@example.com"); // addresses never in the log
    }

    @Test
    void twoHubsOnOnePostgresSendNothingTwice() throws Exception {
        TestPostgres.assumeEnabled();
        String database = TestPostgres.createDatabase();
        try {
            String url = TestPostgres.urlOf(database);
            DatabaseSettings where = DatabaseSettings.fromCommandLine(dir.resolve("pg"), Optional.of(url));
            String token = ChildHub.adminToken(where);
            int subscribers = 1500;
            ChildHub.subscribers(where, subscribers);
            int port = NotifyHub.freePort();
            Path config = config(port, 400);
            int otherPort = NotifyHub.freePort();
            try (ChildHub one = ChildHub.start(config, dir.resolve("one"), port, url, dir.resolve("one.log"));
                 ChildHub two = ChildHub.start(config, dir.resolve("two"), otherPort, url, dir.resolve("two.log"))) {
                assertThat(one.post("/incidents", token, INCIDENT).statusCode()).isEqualTo(201);
                assertThat(two.post("/incidents", token, INCIDENT.replace("Mail is delayed", "Mail bounces")).statusCode()).isEqualTo(201);
                for (int i = 0; i < 1200 && SMTP.getReceivedMessages().length < 2 * subscribers; i++) Thread.sleep(100);
                // Every row finished (none pending, none claimed): nothing more can be sent, so the count is final.
                try (Database db = Database.open(where)) {
                    for (int i = 0; i < 600 && pending(db) > 0; i++) Thread.sleep(100);
                    assertThat(pending(db)).isZero();
                }
            }
            var perSubject = new HashMap<String, Integer>();
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                for (Address a : m.getRecipients(Message.RecipientType.TO)) perSubject.merge(a + "|" + m.getSubject(), 1, Integer::sum);
            }
            System.out.printf("two hubs: %d messages for %d subscriber-notices%n", SMTP.getReceivedMessages().length, perSubject.size());
            assertThat(perSubject).hasSize(2 * subscribers);
            assertThat(perSubject.values()).as("no message sent twice").allMatch(n -> n == 1);
            String logs = Files.readString(dir.resolve("one.log")) + Files.readString(dir.resolve("two.log"));
            assertThat(logs).doesNotContain("@example.com>").doesNotContain("user7@example.com");
        } finally {
            TestPostgres.dropDatabase(database);
        }
    }

    private static long pending(Database db) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM notify_deliveries WHERE state = 'pending'").mapTo(Long.class).one());
    }

    private static Map<String, Integer> recipients() throws Exception {
        var counts = new HashMap<String, Integer>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            for (Address a : m.getRecipients(Message.RecipientType.TO)) counts.merge(a.toString(), 1, Integer::sum);
        }
        return counts;
    }
}
