package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.noroshi.component.ComponentState;
import io.noroshi.component.ComponentStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class ComponentStateStoreContractTest extends StoreContract {

    ComponentStateStoreContractTest(Engine engine) {
        super(engine);
    }

    @Test
    void nothingIsStoredAtFirst() {
        assertThat(db().componentStates().all()).isEmpty();
    }

    @Test
    void putStoresEveryFieldKeyedByComponent() {
        var mail = new ComponentState("mail", ComponentStatus.MAJOR_OUTAGE, T0, true);
        var web = new ComponentState("web", ComponentStatus.DEGRADED_PERFORMANCE, Instant.parse("2026-03-01T00:00:00.001Z"), false, true);

        db().componentStates().put(mail);
        db().componentStates().put(web);

        assertThat(db().componentStates().all()).containsOnlyKeys("mail", "web")
                .containsEntry("mail", mail)
                .containsEntry("web", web);
    }

    @Test
    void putReplacesTheStateOfTheSameComponent() {
        db().componentStates().put(new ComponentState("dns", ComponentStatus.PARTIAL_OUTAGE, T0, true));
        var recovered = new ComponentState("dns", ComponentStatus.OPERATIONAL, at(90), false);

        db().componentStates().put(recovered);

        assertThat(db().componentStates().all()).containsExactlyEntriesOf(java.util.Map.of("dns", recovered));
    }

    @Test
    void everyStatusRoundTrips() {
        for (ComponentStatus status : ComponentStatus.values()) {
            db().componentStates().put(new ComponentState(status.wire(), status, T0, false));
        }

        assertThat(db().componentStates().all().values())
                .extracting(ComponentState::status).containsExactlyInAnyOrder(ComponentStatus.values());
    }
}
