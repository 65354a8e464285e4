package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The communication feature's admin pages on the demo hub: behind the session, escaping what people wrote. */
class CommunicationPagesTest {

    @TempDir
    Path data;

    @Test
    void theCheckPageAndAnIncidentsCommunicationPageRender() {
        try (var admin = new AdminHub(data)) {
            var opened = admin.post("/api/admin/v1/incidents", admin.incidentsToken, """
                    {"name": "Mail <b>down</b>", "impact": "major", "status": "investigating",
                     "body": "Customers cannot send Mail. Nothing is lost. No workaround yet. Next update by 10:30 UTC <script>x</script>."}""");
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            String id = opened.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            assertThat(admin.page("/admin/lint", null).statusCode()).isEqualTo(302); // the session gate

            String session = admin.login();
            var check = admin.page("/admin/lint", session);
            assertThat(check.statusCode()).isEqualTo(200);
            assertThat(check.body()).contains("The update lint reads an update as your users will");

            var incident = admin.page("/admin/incidents/" + id, session);
            assertThat(incident.body()).contains("id=\"check-update\"").contains("/admin/incidents/" + id + "/communication");

            var communication = admin.page("/admin/incidents/" + id + "/communication", session);
            assertThat(communication.statusCode()).isEqualTo(200);
            assertThat(communication.body()).contains("Who holds each role").contains("commander: commander")
                    .contains("# Post-incident report: Mail &lt;b&gt;down&lt;/b&gt;").doesNotContain("<b>down</b>")
                    .contains("| Promises kept | 0 of 0 (100%) |");
        }
    }
}
