package io.noroshi.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ResourceEncodingTest {

    private final SiteRenderer renderer = new SiteRenderer();

    @Test
    void equalInputGivesEqualBytesAndEtags() {
        Snapshot a = renderer.render(SiteFixture.demo(5));
        Snapshot b = new SiteRenderer().render(SiteFixture.demo(5));
        assertThat(a.resources().keySet()).isEqualTo(b.resources().keySet());
        a.resources().forEach((path, resource) -> {
            Resource other = b.resources().get(path);
            assertThat(other.etag()).as(path).isEqualTo(resource.etag());
            assertThat(other.body()).as(path).isEqualTo(resource.body());
        });
    }

    @Test
    void differentInputGivesDifferentEtags() {
        Snapshot a = renderer.render(SiteFixture.demo(5));
        Snapshot b = renderer.render(SiteFixture.demo(6));
        for (String path : new String[] {"/history", "/api/v2/incidents.json", "/history.atom", "/history.rss"}) {
            assertThat(b.find(path).orElseThrow().etag()).as(path).isNotEqualTo(a.find(path).orElseThrow().etag());
        }
        Snapshot quiet = renderer.render(SiteFixture.quiet());
        for (String path : new String[] {"/", "/ja/", "/badge.svg", "/api/v2/status.json"}) {
            assertThat(quiet.find(path).orElseThrow().etag()).as(path).isNotEqualTo(a.find(path).orElseThrow().etag());
        }
    }

    @Test
    void etagIsAQuotedBase64urlOfTwoChecksumsAndTheLength() {
        renderer.render(SiteFixture.demo(2)).resources().forEach((path, resource) ->
                assertThat(resource.etag()).as(path).matches("\"[A-Za-z0-9_-]{22}\""));
        assertThat(ResourceEncoding.etag("".getBytes(StandardCharsets.UTF_8))).isEqualTo("\"AAAAAAAAAAAAAAAAAAAAAA\"");
        // CRC-32C("a") = 0xc1d04330, CRC-32("a") = 0xe8b7be43, length 1
        assertThat(ResourceEncoding.etag("a".getBytes(StandardCharsets.UTF_8))).isEqualTo("\"wdBDMOi3vkMAAAAAAAAAAQ\"");
    }

    @Test
    void gzipDecompressesToTheBodyAndIsOnlyKeptWhenSmaller() throws IOException {
        for (Resource resource : renderer.render(SiteFixture.demo(5)).resources().values()) {
            if (resource.gzipped() == null) continue;
            assertThat(resource.gzipped().length).isLessThan(resource.body().length);
            try (var in = new GZIPInputStream(new ByteArrayInputStream(resource.gzipped()))) {
                assertThat(in.readAllBytes()).isEqualTo(resource.body());
            }
        }
        assertThat(Resource.of("text/plain", new byte[] {1}).gzipped()).isNull();
        assertThat(renderer.render(SiteFixture.demo(5)).find("/").orElseThrow().gzipped()).isNotNull();
    }

    @Test
    void everyResourceHasItsContentTypeAndBrowsersRevalidatePagesApiAndBadges() {
        renderer.render(SiteFixture.demo(3)).resources().forEach((path, resource) -> {
            String expected = path.startsWith("/api/") ? "application/json; charset=utf-8"
                    : path.endsWith(".atom") ? "application/atom+xml; charset=utf-8"
                    : path.endsWith(".rss") ? "application/rss+xml; charset=utf-8"
                    : path.endsWith(".svg") ? "image/svg+xml; charset=utf-8"
                    : "text/html; charset=utf-8";
            assertThat(resource.contentType()).as(path).isEqualTo(expected);
            String cache = path.endsWith(".svg") ? "public, max-age=0, s-maxage=10, stale-if-error=86400"
                    : path.endsWith(".atom") || path.endsWith(".rss") ? "public, max-age=60, stale-if-error=86400"
                    : "public, max-age=0, s-maxage=5, stale-if-error=86400";
            assertThat(resource.cacheControl()).as(path).isEqualTo(cache);
            assertThat(resource.cacheControl()).as(path).doesNotContain("stale-while-revalidate");
        });
    }
}
