package io.noroshi.notify.channel;

import io.noroshi.notify.Notice;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** Notices as the outbox hands them to channels, in English and Japanese. */
final class Notices {

    static final Instant AT = Instant.parse("2026-12-02T03:04:05Z");

    private Notices() {
    }

    static Notice english() {
        return english("We are investigating delays in outgoing mail. Messages are queued, not lost.");
    }

    static Notice english(String body) {
        return new Notice(Notice.Event.INCIDENT_UPDATED, "en", "Sakura Hosting", "Major outage: Mail is delayed",
                Optional.of("Investigating"), "major", body, URI.create("https://status.example.jp/incidents/42"), AT,
                Optional.empty());
    }

    static Notice japanese() {
        return new Notice(Notice.Event.INCIDENT_UPDATED, "ja", "さくらホスティング", "【障害】メールの配送遅延",
                Optional.of("調査中"), "major", "送信メールの配送に遅延が発生しています。メールは失われていません。",
                URI.create("https://status.example.jp/incidents/42"), AT, Optional.empty());
    }
}
