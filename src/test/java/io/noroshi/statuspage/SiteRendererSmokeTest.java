package io.noroshi.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SiteRendererSmokeTest {
    @Test
    void dump() throws Exception {
        var renderer = new SiteRenderer();
        var data = SiteFixture.demo(50);
        Snapshot s = null;
        for (int i = 0; i < 30; i++) s = renderer.render(data);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            s = renderer.render(data);
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.println("render ms best=" + best / 1e6 + " resources=" + s.resources().size());
        Path out = Path.of("target/site-dump");
        for (var e : s.resources().entrySet()) {
            String key = e.getKey();
            boolean page = !key.substring(key.lastIndexOf('/') + 1).contains(".");
            Path p = out.resolve(key.substring(1) + (page ? (key.endsWith("/") ? "" : "/") + "index.html" : ""));
            Files.createDirectories(p.getParent());
            if (!Files.isDirectory(p)) Files.write(p, e.getValue().body());
        }
        assertThat(s.resources()).isNotEmpty();
    }
}
