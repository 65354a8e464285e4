package io.noroshi.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.noroshi.component.ComponentStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SMTP, IMAP and POP3 of a real mail server (GreenMail) watched through the engine; then the server dies. */
class MailMonitorsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private GreenMail mail;
    private HubUnderTest hub;

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        if (mail != null) mail.stop();
    }

    @Test
    void mailServiceIsUpThenAMajorOutageWhenTheServerStops() {
        mail = new GreenMail(new ServerSetup[] {
                ServerSetupTest.SMTP.createCopy("127.0.0.1").dynamicPort(),
                ServerSetupTest.IMAP.createCopy("127.0.0.1").dynamicPort(),
                ServerSetupTest.POP3.createCopy("127.0.0.1").dynamicPort()});
        mail.start();
        hub = new HubUnderTest("""
                page: {name: Acme}
                components:
                  - {id: mail}
                monitors:
                  - {id: smtp, kind: smtp, host: 127.0.0.1, port: %d, interval: 200ms, timeout: 2s, component: mail}
                  - {id: imap, kind: imap, host: 127.0.0.1, port: %d, interval: 200ms, timeout: 2s, component: mail}
                  - {id: pop3, kind: pop3, host: 127.0.0.1, port: %d, interval: 200ms, timeout: 2s, component: mail}
                """.formatted(mail.getSmtp().getPort(), mail.getImap().getPort(), mail.getPop3().getPort()), dir);
        var all = List.of("smtp", "imap", "pop3");

        assertThat(HubUnderTest.await(WAIT, () -> all.stream().allMatch(m -> hub.verdict(m) == Verdict.UP))).as("all up").isTrue();
        assertThat(hub.db.componentStates().all().get("mail").status()).isEqualTo(ComponentStatus.OPERATIONAL);

        mail.stop();

        assertThat(HubUnderTest.await(WAIT, () -> all.stream().allMatch(m -> hub.verdict(m) == Verdict.DOWN))).as("all down").isTrue();
        assertThat(hub.db.componentStates().all().get("mail").status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(hub.events.changes).filteredOn(c -> c.to() == Verdict.DOWN).extracting(VerdictChange::monitorId)
                .containsExactlyInAnyOrderElementsOf(all);
    }
}
