package io.noroshi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AuditEventsTest {

    private static final TrackedFinding SINGLE_MX = new TrackedFinding("example.com",
            AuditRule.DNS_MX_SINGLE.finding(Severity.NOTICE, "One MX host", List.of("mx.example.com.")),
            Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:05Z"), Optional.empty());

    private final Logger logger = (Logger) LoggerFactory.getLogger(FindingLog.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level level;

    @BeforeEach
    void captureLog() {
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
        logger.setLevel(level);
    }

    @Test
    void aNewFindingIsLoggedAndCountedByRuleAndSeverity() {
        var metrics = new SimpleMeterRegistry();
        var events = new AuditEvents();
        events.subscribe(new FindingLog(metrics));

        events.raise(new AuditEvent.NewFinding(SINGLE_MX));
        events.raise(new AuditEvent.NewFinding(SINGLE_MX));

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("audit finding new rule=dns.mx.single domain=example.com severity=notice",
                        "audit finding new rule=dns.mx.single domain=example.com severity=notice");
        assertThat(metrics.get(FindingLog.COUNTER).tag("rule", "dns.mx.single").tag("severity", "notice").counter().count()).isEqualTo(2);
    }

    @Test
    void everySubscriberHearsEachEventInOrderEvenWhenOneFails() {
        var heard = new ArrayList<String>();
        var events = new AuditEvents();
        events.subscribe(e -> heard.add("first"));
        events.subscribe(e -> {
            throw new IllegalStateException("a broken subscriber");
        });
        events.subscribe(e -> heard.add("third"));

        events.raise(new AuditEvent.NewFinding(SINGLE_MX));

        assertThat(heard).containsExactly("first", "third");
    }
}
