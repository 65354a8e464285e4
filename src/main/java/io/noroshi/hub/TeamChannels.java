package io.noroshi.hub;

import io.noroshi.comms.TeamMessenger;
import io.noroshi.mirror.MirrorAlerts;
import io.noroshi.notify.Notice;
import io.noroshi.notify.TeamAlerts;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where communication's reminders and the mirrors' alerts reach the team: the notification routes that listen to
 * {@code reminder} and {@code mirror}. Communication and the mirrors are built before the notifications (the page
 * needs them first), so the routes are connected once they exist; what comes before that is only logged.
 */
final class TeamChannels implements TeamMessenger, MirrorAlerts {

    private static final Logger log = LoggerFactory.getLogger(TeamChannels.class);

    private final MirrorAlerts logged = MirrorAlerts.logging();
    private volatile TeamAlerts routes;

    void connect(TeamAlerts routes) {
        this.routes = routes;
    }

    @Override
    public void tell(String personOrRole, Notice notice) {
        TeamAlerts to = routes;
        if (to == null) log.info("team message before the notification routes were ready to={} title={}", personOrRole, notice.title());
        else to.message(personOrRole, notice);
    }

    @Override
    public void fallingBehind(String mirror, Duration lag, String lastError) {
        logged.fallingBehind(mirror, lag, lastError);
        TeamAlerts to = routes;
        if (to != null) to.mirror(mirror, true, lag, lastError);
    }

    @Override
    public void caughtUp(String mirror) {
        logged.caughtUp(mirror);
        TeamAlerts to = routes;
        if (to != null) to.mirror(mirror, false, Duration.ZERO, "");
    }
}
