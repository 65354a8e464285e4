package io.noroshi.demo;

import static io.noroshi.demo.DemoHistory.update;

import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Text;
import io.noroshi.incident.AffectedComponent;
import io.noroshi.incident.Impact;
import io.noroshi.incident.IncidentStatus;
import io.noroshi.incident.IncidentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The incidents of the demo, written as a careful operator would have written them. Each returns the
 * spells of component status it tells of, so the uptime bars show the same days; every "next update
 * by" is kept by the update that follows it.
 */
final class DemoStories {

    /** A component in a status other than operational, from one instant until another. */
    record Spell(String componentId, Instant from, Instant until, ComponentStatus status) {
    }

    private DemoStories() {
    }

    /** @param start 09:12 in the page's time zone (JST in the demo), which the updates' "by 11:00 JST" refer to */
    static List<Spell> storageOutage(IncidentStore incidents, Instant start) {
        var web = new AffectedComponent("web-hosting", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE);
        var mail = new AffectedComponent("mail", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE);
        var db = new AffectedComponent("databases", ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE);
        var incident = incidents.open(Text.of("Web hosting and mail unavailable (storage failure in Tokyo DC1)",
                        "Webホスティング・メールの停止 (東京第1データセンターのストレージ障害)"), Impact.CRITICAL,
                update(IncidentStatus.INVESTIGATING, start.plus(Duration.ofMinutes(9)),
                        "Web sites and mail hosted in Tokyo DC1 are unavailable. We are investigating. DNS is answering from Osaka DC2. Next update within 30 minutes.",
                        "東京第1データセンターでホストしているWebサイトとメールが利用できません。現在調査中です。DNSは大阪第2データセンターから応答しています。次回の更新は30分以内に行います。",
                        web, mail, db));
        String id = incident.id();
        incidents.addUpdate(id, update(IncidentStatus.IDENTIFIED, start.plus(Duration.ofMinutes(38)),
                "The shared storage array (SAN) in Tokyo DC1 has failed. Web, mail and one database cluster use it. No data loss is known: the disks are intact and the array's controller is being replaced. Mail sent to you is queued by senders' servers and is not lost. Next update by 11:00 JST.",
                "東京第1データセンターの共有ストレージ装置 (SAN) が故障しました。Web・メール・データベースクラスタの一部がこの装置を使用しています。データ消失は確認されていません。ディスクは無事で、コントローラーを交換中です。お客様宛てのメールは送信元サーバーで保留されており、失われません。次回の更新は11時 (日本時間) までに行います。"));
        incidents.addUpdate(id, update(IncidentStatus.IDENTIFIED, start.plus(Duration.ofMinutes(95)),
                "The replacement controller is installed; the vendor is checking the array's consistency before we bring volumes online. Estimated recovery: 14:00 JST (medium confidence). Databases in Osaka DC2 are unaffected. Next update by 12:30 JST.",
                "交換用コントローラーの取り付けが完了し、ボリュームを再接続する前にメーカーが整合性を確認しています。復旧見込みは14時 (日本時間、確度は中程度) です。大阪第2データセンターのデータベースは影響を受けていません。次回の更新は12時30分までに行います。"));
        incidents.addUpdate(id, update(IncidentStatus.IDENTIFIED, start.plus(Duration.ofMinutes(185)),
                "The array's consistency check has passed. We are bringing the volumes online one by one; the estimate of 14:00 JST holds. Next update by 14:00 JST.",
                "ストレージ装置の整合性確認が完了しました。ボリュームを順次オンラインにしています。復旧見込みは引き続き14時 (日本時間) です。次回の更新は14時までに行います。"));
        Instant monitoring = start.plus(Duration.ofMinutes(275));
        Instant resolved = start.plus(Duration.ofMinutes(325));
        incidents.addUpdate(id, update(IncidentStatus.MONITORING, monitoring,
                "Volumes are back online. Web sites and mail are being restored; queued mail is being delivered now. We are watching error rates before we call this resolved. Next update within 1 hour.",
                "ボリュームが復帰しました。Webサイトとメールを順次復旧しており、保留中のメールの配送を開始しています。エラー率を監視しています。次回の更新は1時間以内に行います。",
                new AffectedComponent("web-hosting", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.DEGRADED_PERFORMANCE),
                new AffectedComponent("mail", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.DEGRADED_PERFORMANCE)));
        incidents.addUpdate(id, update(IncidentStatus.RESOLVED, resolved,
                "All web sites, mail and databases have recovered and queued mail has been delivered. No data was lost. A post-incident report will follow within 5 business days.",
                "すべてのWebサイト・メール・データベースが復旧し、保留されていたメールの配送も完了しました。データの消失はありません。5営業日以内に障害報告書を公開します。",
                new AffectedComponent("web-hosting", ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.OPERATIONAL),
                new AffectedComponent("mail", ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.OPERATIONAL),
                new AffectedComponent("databases", ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL)));
        Instant down = start.plus(Duration.ofMinutes(2)); // the first alarm; the first update came 7 minutes later
        return List.of(new Spell("web-hosting", down, monitoring, ComponentStatus.MAJOR_OUTAGE),
                new Spell("web-hosting", monitoring, resolved, ComponentStatus.DEGRADED_PERFORMANCE),
                new Spell("mail", down, monitoring, ComponentStatus.MAJOR_OUTAGE),
                new Spell("mail", monitoring, resolved, ComponentStatus.DEGRADED_PERFORMANCE),
                new Spell("databases", down, resolved, ComponentStatus.PARTIAL_OUTAGE));
    }

    static List<Spell> smallIncidents(IncidentStore incidents, Instant now) {
        var spells = new ArrayList<Spell>();
        String[][] past = {
                {"Delayed outgoing mail", "送信メールの遅延", "mail"},
                {"Slow control panel logins", "コントロールパネルへのログインの遅延", "control-panel"},
                {"DNS updates delayed", "DNS設定反映の遅延", "dns"},
                {"Intermittent errors on some web sites", "一部Webサイトでの断続的なエラー", "web-hosting"},
        };
        for (int i = 0; i < past.length; i++) {
            Instant start = now.minus(Duration.ofDays(20L + 15L * i)).minus(Duration.ofHours(i + 2L));
            var affected = new AffectedComponent(past[i][2], ComponentStatus.OPERATIONAL, ComponentStatus.DEGRADED_PERFORMANCE);
            var incident = incidents.open(Text.of(past[i][0], past[i][1]), Impact.MINOR,
                    update(IncidentStatus.INVESTIGATING, start, "We are investigating reports of this problem. Next update within 30 minutes.",
                            "この問題について調査しています。次回の更新は30分以内に行います。", affected));
            // Resolved within the 30 minutes the first update promised.
            Instant end = start.plus(Duration.ofMinutes(20L + 3L * i));
            spells.add(new Spell(past[i][2], start, end, ComponentStatus.DEGRADED_PERFORMANCE));
            incidents.addUpdate(incident.id(), update(IncidentStatus.RESOLVED, end,
                    "The cause was found and fixed. Everything is working normally.", "原因を特定して対処しました。現在は正常に動作しています。",
                    new AffectedComponent(past[i][2], ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.OPERATIONAL)));
        }
        return spells;
    }

    static Spell activeIncident(IncidentStore incidents, Instant now) {
        var affected = new AffectedComponent("control-panel", ComponentStatus.OPERATIONAL, ComponentStatus.DEGRADED_PERFORMANCE);
        var incident = incidents.open(Text.of("Control panel is slow", "コントロールパネルの動作が遅くなっています"), Impact.MINOR,
                update(IncidentStatus.INVESTIGATING, now.minus(Duration.ofMinutes(40)),
                        "Some pages of the control panel take up to 20 seconds to load. Web sites, mail and DNS are not affected. Next update within 30 minutes.",
                        "コントロールパネルの一部ページの表示に最大20秒かかっています。Webサイト・メール・DNSへの影響はありません。次回の更新は30分以内に行います。",
                        affected));
        incidents.addUpdate(incident.id(), update(IncidentStatus.IDENTIFIED, now.minus(Duration.ofMinutes(12)),
                "A slow database query after this morning's release is the cause. We are rolling the release back. Next update within 30 minutes.",
                "今朝のリリース後に発生した低速なデータベースクエリが原因です。リリースを切り戻しています。次回の更新は30分以内に行います。"));
        return new Spell("control-panel", now.minus(Duration.ofMinutes(40)), now, ComponentStatus.DEGRADED_PERFORMANCE);
    }
}
