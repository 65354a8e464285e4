package io.noroshi.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.noroshi.component.ComponentStatus;
import io.noroshi.config.Text;
import io.noroshi.incident.Impact;
import io.noroshi.incident.Incident;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusApiTest {

    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+09:00";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SiteRenderer renderer = new SiteRenderer();

    private JsonNode json(Snapshot snapshot, String path) throws IOException {
        Resource resource = snapshot.find(path).orElseThrow(() -> new AssertionError("missing " + path));
        assertThat(resource.contentType()).isEqualTo("application/json; charset=utf-8");
        return JSON.readTree(resource.body());
    }

    private static List<String> fields(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary.json", "status.json", "components.json", "incidents.json", "incidents/unresolved.json",
            "scheduled-maintenances.json", "scheduled-maintenances/upcoming.json", "scheduled-maintenances/active.json"})
    void everyEndpointStartsWithThePageObjectInThePagesZone(String endpoint) throws IOException {
        JsonNode page = json(renderer.render(SiteFixture.demo(5)), "/api/v2/" + endpoint).get("page");
        assertThat(fields(page)).containsExactly("id", "name", "url", "time_zone", "updated_at");
        assertThat(page.get("id").asText()).isEqualTo("sakura-hosting");
        assertThat(page.get("name").asText()).isEqualTo("Sakura Hosting");
        assertThat(page.get("url").asText()).isEqualTo("http://127.0.0.1:8080/");
        assertThat(page.get("time_zone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(page.get("updated_at").asText()).matches(TIME);
    }

    @Test
    void summaryHasAtlassiansTopLevelFieldsInOrder() throws IOException {
        JsonNode summary = json(renderer.render(SiteFixture.demo(5)), "/api/v2/summary.json");
        assertThat(fields(summary)).containsExactly("page", "components", "incidents", "scheduled_maintenances", "status");
        assertThat(summary.get("incidents")).hasSize(1);
        assertThat(summary.get("incidents").get(0).get("id").asText()).isEqualTo("inc-open");
        assertThat(summary.get("scheduled_maintenances")).extracting(m -> m.get("id").asText())
                .containsExactly("mnt-active", "mnt-next");
    }

    static Stream<Arguments> worstStatus() {
        return Stream.of(
                Arguments.of(Map.of(), "none", "All Systems Operational"),
                Arguments.of(Map.of("mail", ComponentStatus.DEGRADED_PERFORMANCE), "minor", "Minor Service Outage"),
                Arguments.of(Map.of("mail", ComponentStatus.PARTIAL_OUTAGE, "dns", ComponentStatus.DEGRADED_PERFORMANCE), "major", "Partial System Outage"),
                Arguments.of(Map.of("dns", ComponentStatus.MAJOR_OUTAGE, "mail", ComponentStatus.UNDER_MAINTENANCE), "critical", "Major Service Outage"),
                Arguments.of(Map.of("mail", ComponentStatus.UNDER_MAINTENANCE), "maintenance", "Service Under Maintenance"));
    }

    @ParameterizedTest
    @MethodSource("worstStatus")
    void statusFollowsTheWorstComponent(Map<String, ComponentStatus> states, String indicator, String description) throws IOException {
        JsonNode status = json(renderer.render(SiteFixture.withStates(states)), "/api/v2/status.json");
        assertThat(fields(status)).containsExactly("page", "status");
        assertThat(fields(status.get("status"))).containsExactly("indicator", "description");
        assertThat(status.get("status").get("indicator").asText()).isEqualTo(indicator);
        assertThat(status.get("status").get("description").asText()).isEqualTo(description);
    }

    @ParameterizedTest
    @MethodSource("impacts")
    void anUnresolvedIncidentRaisesTheIndicatorToItsImpact(Impact impact, String indicator) throws IOException {
        Incident open = SiteFixture.open("x", Text.of("Slow"), Text.of("Slow"), impact);
        JsonNode status = json(renderer.render(SiteFixture.with(List.of(open))), "/api/v2/status.json").get("status");
        assertThat(status.get("indicator").asText()).isEqualTo(indicator);
    }

    static Stream<Arguments> impacts() {
        return Stream.of(Arguments.of(Impact.NONE, "none"), Arguments.of(Impact.MINOR, "minor"),
                Arguments.of(Impact.MAJOR, "major"), Arguments.of(Impact.CRITICAL, "critical"));
    }

    @Test
    void groupsAreComponentsListingTheirMembersAndMembersPointBack() throws IOException {
        JsonNode components = json(renderer.render(SiteFixture.demo(2)), "/api/v2/components.json").get("components");
        assertThat(components).extracting(c -> c.get("id").asText())
                .containsExactly("hosting", "web-hosting", "mail", "control-panel", "infrastructure", "dns", "databases");
        JsonNode hosting = components.get(0);
        assertThat(fields(hosting)).containsExactly("id", "name", "status", "created_at", "updated_at", "position",
                "description", "showcase", "start_date", "group_id", "page_id", "group", "only_show_if_degraded", "components");
        assertThat(hosting.get("group").asBoolean()).isTrue();
        assertThat(hosting.get("group_id").isNull()).isTrue();
        assertThat(hosting.get("status").asText()).as("worst member").isEqualTo("major_outage");
        assertThat(hosting.get("components")).extracting(JsonNode::asText).containsExactly("web-hosting", "mail", "control-panel");
        JsonNode web = components.get(1);
        assertThat(fields(web)).containsExactly("id", "name", "status", "created_at", "updated_at", "position",
                "description", "showcase", "start_date", "group_id", "page_id", "group", "only_show_if_degraded");
        assertThat(web.get("name").asText()).isEqualTo("Web hosting");
        assertThat(web.get("status").asText()).isEqualTo("major_outage");
        assertThat(web.get("created_at").asText()).matches(TIME);
        assertThat(web.get("updated_at").asText()).isEqualTo("2026-11-25T12:04:56.789+09:00");
        assertThat(web.get("position").isInt()).isTrue();
        assertThat(web.get("description").asText()).isEqualTo("Customer web sites");
        assertThat(web.get("showcase").isBoolean()).isTrue();
        assertThat(web.get("start_date").isNull()).isTrue();
        assertThat(web.get("group_id").asText()).isEqualTo("hosting");
        assertThat(web.get("page_id").asText()).isEqualTo("sakura-hosting");
        assertThat(web.get("group").asBoolean()).isFalse();
        assertThat(web.get("only_show_if_degraded").asBoolean()).isFalse();
        assertThat(components.get(3).get("description").isNull()).as("control panel has no description").isTrue();
        assertThat(components).extracting(c -> c.get("position").asInt()).isSorted();
    }

    @Test
    void incidentsCarryEveryAtlassianFieldWithUpdatesNewestFirst() throws IOException {
        JsonNode incidents = json(renderer.render(SiteFixture.demo(3)), "/api/v2/incidents.json").get("incidents");
        assertThat(incidents).extracting(i -> i.get("id").asText()).containsExactly("inc-open", "inc-1", "inc-2");
        JsonNode resolved = incidents.get(1);
        assertThat(fields(resolved)).containsExactly("id", "name", "status", "created_at", "updated_at", "monitoring_at",
                "resolved_at", "impact", "shortlink", "started_at", "page_id", "incident_updates", "components",
                "postmortem_body");
        assertThat(resolved.get("name").asText()).isEqualTo("Mail delay 1");
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        assertThat(resolved.get("created_at").asText()).isEqualTo("2026-11-24T12:34:56.789+09:00");
        assertThat(resolved.get("monitoring_at").isNull()).isTrue();
        assertThat(resolved.get("resolved_at").asText()).isEqualTo("2026-11-24T13:34:56.789+09:00");
        assertThat(resolved.get("impact").asText()).isEqualTo("major");
        assertThat(resolved.get("shortlink").asText()).isEqualTo("http://127.0.0.1:8080/incidents/inc-1");
        assertThat(resolved.get("started_at").asText()).matches(TIME);
        assertThat(resolved.get("components")).extracting(c -> c.get("id").asText()).containsExactly("mail");
        JsonNode updates = resolved.get("incident_updates");
        assertThat(updates).extracting(u -> u.get("status").asText()).containsExactly("resolved", "identified", "investigating");
        JsonNode first = updates.get(2);
        assertThat(fields(first)).containsExactly("id", "status", "body", "incident_id", "created_at", "updated_at",
                "display_at", "affected_components", "deliver_notifications", "custom_tweet", "tweet_id");
        assertThat(first.get("body").asText()).as("default language").isEqualTo("We are investigating mail delays.");
        assertThat(first.get("incident_id").asText()).isEqualTo("inc-1");
        assertThat(first.get("display_at").asText()).isEqualTo(first.get("created_at").asText());
        assertThat(first.get("deliver_notifications").isBoolean()).isTrue();
        assertThat(first.get("custom_tweet").isNull()).isTrue();
        assertThat(first.get("tweet_id").isNull()).isTrue();
        JsonNode affected = first.get("affected_components").get(0);
        assertThat(fields(affected)).containsExactly("code", "name", "old_status", "new_status");
        assertThat(affected.get("code").asText()).isEqualTo("mail");
        assertThat(affected.get("name").asText()).isEqualTo("Mail");
        assertThat(affected.get("old_status").asText()).isEqualTo("operational");
        assertThat(affected.get("new_status").asText()).isEqualTo("partial_outage");
        assertThat(updates.get(1).get("affected_components").isNull()).as("no change, as Atlassian sends it").isTrue();
    }

    @Test
    void incidentsJsonKeepsTheFiftyNewestAndUnresolvedOnlyOpenOnes() throws IOException {
        Snapshot snapshot = renderer.render(SiteFixture.demo(60));
        assertThat(json(snapshot, "/api/v2/incidents.json").get("incidents")).hasSize(50);
        assertThat(json(snapshot, "/api/v2/incidents/unresolved.json").get("incidents"))
                .extracting(i -> i.get("status").asText()).containsExactly("investigating");
    }

    @Test
    void maintenanceEndpointsSplitByStatusAndAddTheWindow() throws IOException {
        Snapshot snapshot = renderer.render(SiteFixture.demo(2));
        JsonNode all = json(snapshot, "/api/v2/scheduled-maintenances.json");
        assertThat(fields(all)).containsExactly("page", "scheduled_maintenances");
        assertThat(all.get("scheduled_maintenances")).extracting(m -> m.get("id").asText())
                .containsExactly("mnt-active", "mnt-next", "mnt-done");
        assertThat(json(snapshot, "/api/v2/scheduled-maintenances/active.json").get("scheduled_maintenances"))
                .extracting(m -> m.get("status").asText()).containsExactly("in_progress");
        assertThat(json(snapshot, "/api/v2/scheduled-maintenances/upcoming.json").get("scheduled_maintenances"))
                .extracting(m -> m.get("status").asText()).containsExactly("scheduled");
        JsonNode done = all.get("scheduled_maintenances").get(2);
        assertThat(fields(done)).containsExactly("id", "name", "status", "created_at", "updated_at", "monitoring_at",
                "resolved_at", "impact", "shortlink", "started_at", "page_id", "incident_updates", "components",
                "scheduled_for", "scheduled_until");
        assertThat(done.get("scheduled_for").asText()).isEqualTo("2026-11-15T12:34:56.789+09:00");
        assertThat(done.get("scheduled_until").asText()).isEqualTo("2026-11-15T14:34:56.789+09:00");
        assertThat(done.get("resolved_at").asText()).matches(TIME);
        assertThat(done.get("shortlink").asText()).isEqualTo("http://127.0.0.1:8080/maintenance/mnt-done");
    }

    @Test
    void utcPagesWriteZuluTimes() throws IOException {
        var config = SiteFixture.CONFIG;
        var page = config.page();
        var utc = new io.noroshi.config.NoroshiConfig(new io.noroshi.config.PageSettings(page.id(), page.name(), page.url(),
                java.time.ZoneOffset.UTC, page.languages(), page.defaultLanguage(), page.description()),
                config.sites(), config.services(), config.componentGroups(), config.components(),
                config.vantagePoints(), config.monitors(), config.monitoring());
        var data = new PageData(utc, Map.of(), List.of(), List.of(), List.of(), Map.of(), SiteFixture.NOW);
        assertThat(json(renderer.render(data), "/api/v2/status.json").get("page").get("updated_at").asText())
                .isEqualTo("2026-11-25T03:34:56.789Z");
    }
}
