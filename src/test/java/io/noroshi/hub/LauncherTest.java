package io.noroshi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void theDemosLinksFollowBindAndPort() {
        var demo = Hub.demoConfig();
        assertThat(Launcher.demoAt(demo, "127.0.0.2", 9090).page().url()).hasToString("http://127.0.0.2:9090/");
        assertThat(Launcher.demoAt(demo, "::1", 8081).page().url()).hasToString("http://[::1]:8081/");
        assertThat(Launcher.demoAt(demo, "0.0.0.0", 8080).page().url()).hasToString("http://127.0.0.1:8080/");
        var moved = Launcher.demoAt(demo, "127.0.0.1", 18080);
        assertThat(moved.components()).isEqualTo(demo.components());
        assertThat(moved.page().name()).isEqualTo(demo.page().name());
    }

    @Test
    void aPortChosenByTheSystemKeepsTheConfiguredUrl() {
        var demo = Hub.demoConfig();
        assertThat(Launcher.demoAt(demo, "127.0.0.1", 0)).isSameAs(demo);
    }

    @Test
    void theSetupUrlIsOneABrowserOnThisMachineCanOpen() {
        assertThat(Launcher.url("0.0.0.0", 8080).resolve("/admin/setup")).hasToString("http://127.0.0.1:8080/admin/setup");
        assertThat(Launcher.url("::", 8080).resolve("/admin/setup")).hasToString("http://[::1]:8080/admin/setup");
    }
}
