package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noroshi.account.Accounts;
import io.noroshi.account.Actor;
import io.noroshi.account.LoginThrottle;
import io.noroshi.account.PasswordHashes;
import io.noroshi.account.Scope;
import io.noroshi.account.SecretTokens;
import io.noroshi.account.Sessions;
import io.noroshi.admin.AccessCommands;
import io.noroshi.admin.AdminJson;
import io.noroshi.admin.AuditTrail;
import io.noroshi.admin.AuditedWrite;
import io.noroshi.admin.ComponentChange;
import io.noroshi.admin.ComponentOverrides;
import io.noroshi.admin.ComponentStatuses;
import io.noroshi.admin.IncidentCommands;
import io.noroshi.admin.IncidentDraft;
import io.noroshi.admin.PublishAfterWrite;
import io.noroshi.admin.UpdateDraft;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.ConfigLoader;
import io.noroshi.config.NoroshiConfig;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import io.noroshi.incident.IncidentStatus;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** An admin change and its audit entry are stored together or not at all, on both engines. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class AuditedChangeContractTest extends StoreContract {

    private static final NoroshiConfig CONFIG = new ConfigLoader().load(Path.of("src/main/resources/demo/noroshi.yaml"));
    private static final Actor OPERATOR = new Actor("op1", "ops@example.com", Scope.ADMIN);

    private final AtomicInteger renders = new AtomicInteger();
    private IncidentCommands incidents;
    private ComponentOverrides overrides;
    private AuditTrail audit;

    AuditedChangeContractTest(Engine engine) {
        super(engine);
    }

    @BeforeEach
    void commands() {
        var json = new AdminJson();
        var clock = InstantSource.fixed(T0);
        audit = new AuditTrail(db().auditLog(), json, clock);
        var writes = new AuditedWrite(db().allOrNothing(), audit, new PublishAfterWrite(renders::incrementAndGet), clock);
        var components = new ComponentStatuses(CONFIG, db().componentStates());
        incidents = new IncidentCommands(db().incidents(), components, json, writes);
        overrides = new ComponentOverrides(components, writes);
    }

    private Incident openMailIncident() {
        return incidents.open(OPERATOR, new IncidentDraft(Text.of("Mail delayed"), Impact.MINOR, new UpdateDraft(
                IncidentStatus.INVESTIGATING, Text.of("Looking"), List.of(new ComponentChange("mail", ComponentStatus.PARTIAL_OUTAGE)), false)));
    }

    private UpdateDraft fixMail() {
        return new UpdateDraft(IncidentStatus.RESOLVED, Text.of("Fixed"), List.of(new ComponentChange("mail", ComponentStatus.OPERATIONAL)), false);
    }

    private void breakTable(String table) {
        db().jdbi().useHandle(handle -> handle.execute("DROP TABLE " + table));
    }

    @Test
    void aChangeAndItsAuditEntryAreStoredAndPublishedTogether() {
        Incident opened = openMailIncident();
        incidents.update(OPERATOR, opened.id(), fixMail());

        assertThat(db().incidents().find(opened.id()).orElseThrow().updates()).hasSize(2);
        assertThat(audit.recent("incident/" + opened.id(), 10)).extracting(e -> e.action()).containsExactly("incident.resolve", "incident.open");
        assertThat(renders).hasValue(2);
    }

    @Test
    void aFailingAuditWriteLeavesNoIncidentUpdateAndNoComponentStatusBehind() {
        Incident opened = openMailIncident();
        int rendersBefore = renders.get();
        breakTable("audit_counter");

        assertThatThrownBy(() -> incidents.update(OPERATOR, opened.id(), fixMail())).isInstanceOf(RuntimeException.class);

        Incident after = db().incidents().find(opened.id()).orElseThrow();
        assertThat(after.updates()).hasSize(1);
        assertThat(after.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(db().componentStates().all().get("mail").status()).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
        assertThat(renders).hasValue(rendersBefore);
    }

    @Test
    void aFailingAuditWriteLeavesNoNewIncidentBehind() {
        breakTable("audit_counter");

        assertThatThrownBy(this::openMailIncident).isInstanceOf(RuntimeException.class);

        assertThat(db().incidents().history(0, 10)).isEmpty();
        assertThat(db().componentStates().all()).isEmpty();
    }

    @Test
    void aFailingComponentWriteLeavesNoIncidentUpdateAndNoAuditEntryBehind() {
        Incident opened = openMailIncident();
        breakTable("component_states");

        assertThatThrownBy(() -> incidents.update(OPERATOR, opened.id(), fixMail())).isInstanceOf(RuntimeException.class);

        assertThat(db().incidents().find(opened.id()).orElseThrow().updates()).hasSize(1);
        assertThat(audit.recent("incident/" + opened.id(), 10)).extracting(e -> e.action()).containsExactly("incident.open");
    }

    @Test
    void aFailingAuditWriteLeavesTheComponentOverrideUnset() {
        breakTable("audit_counter");

        assertThatThrownBy(() -> overrides.set(OPERATOR, "web-hosting", ComponentStatus.MAJOR_OUTAGE)).isInstanceOf(RuntimeException.class);

        assertThat(db().componentStates().all()).doesNotContainKey("web-hosting");
    }

    private AccessCommands access() {
        var clock = InstantSource.fixed(T0);
        var accounts = new Accounts(db().operators(), new PasswordHashes(), new LoginThrottle(clock), new SecretTokens(), clock);
        return new AccessCommands(accounts, null, audit, db().allOrNothing());
    }

    @Test
    void aFailingAuditWriteLeavesNoNewOperatorBehind() {
        var access = access();
        breakTable("audit_counter");

        assertThatThrownBy(() -> access.createOperator(OPERATOR, "new@example.com", "a long enough password".toCharArray()))
                .isInstanceOf(RuntimeException.class);

        assertThat(db().operators().findByEmail("new@example.com")).isEmpty();
    }

    @Test
    void aLoginIsStoredWithItsEntryOrNotAtAll() {
        var access = access();
        var operator = access.createOperator(OPERATOR, "new@example.com", "a long enough password".toCharArray());
        var sessions = new Sessions(db().sessions(), new SecretTokens(), InstantSource.fixed(T0));
        var opened = new AtomicReference<Sessions.Opened>();

        access.session(operator, "operator.login", () -> opened.set(sessions.open(operator)));
        assertThat(sessions.find(opened.get().cookieValue())).isPresent();
        assertThat(audit.recent("operator/" + operator.id(), 10)).extracting(e -> e.action()).containsExactly("operator.login", "operator.create");

        breakTable("audit_counter");
        assertThatThrownBy(() -> access.session(operator, "operator.login", () -> opened.set(sessions.open(operator))))
                .isInstanceOf(RuntimeException.class);
        assertThat(sessions.find(opened.get().cookieValue())).as("the session of the failed login").isEmpty();
    }
}
