package io.noroshi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code audit:} section: defaults and every key read; its mistakes are in {@link ConfigLoaderTest}'s table. */
class AuditSectionTest {

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void withoutTheSectionNoDomainIsAudited() {
        AuditSettings audit = loader.parse("t.yaml", "page: {name: A}\n").audit();

        assertThat(audit.domains()).isEmpty();
        assertThat(audit.interval()).isEqualTo(AuditSettings.DEFAULT_INTERVAL).isEqualTo(Duration.ofHours(6));
        assertThat(audit.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(audit.rootHints()).isEmpty();
        assertThat(audit.resolver()).isEmpty();
        assertThat(audit.asnDb()).isEmpty();
    }

    @Test
    void domainsAloneTakeTheDefaults() {
        AuditSettings audit = loader.parse("t.yaml", "page: {name: A}\naudit:\n  domains: Example.COM.\n").audit();

        assertThat(audit.domains()).containsExactly("example.com");
        assertThat(audit.interval()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void everyKeyIsRead(@TempDir Path dir) throws IOException {
        Path hints = Files.writeString(dir.resolve("root.hints"), ". NS a.root.test.\n");
        Path asn = Files.writeString(dir.resolve("pfx2as.txt"), "192.0.2.0\t24\t64496\n");
        AuditSettings audit = loader.parse("t.yaml", """
                page: {name: A}
                audit:
                  domains: [example.com, bücher.example]
                  interval: 30m
                  timeout: 500ms
                  root_hints: %s
                  asn_db: %s
                """.formatted(hints, asn)).audit();

        assertThat(audit.domains()).containsExactly("example.com", "xn--bcher-kva.example");
        assertThat(audit.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(audit.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(audit.rootHints()).contains(hints);
        assertThat(audit.asnDb()).contains(asn);
    }

    @Test
    void aResolverMayBeNamedWithOrWithoutPort() {
        assertThat(loader.parse("t.yaml", "page: {name: A}\naudit: {domains: [a.example], resolver: '127.0.0.1:5353'}\n")
                .audit().resolver()).contains("127.0.0.1:5353");
        assertThat(loader.parse("t.yaml", "page: {name: A}\naudit: {domains: [a.example], resolver: '[::1]:53'}\n")
                .audit().resolver()).contains("[::1]:53");
        assertThat(loader.parse("t.yaml", "page: {name: A}\naudit: {domains: [a.example], resolver: resolver.example}\n")
                .audit().resolver()).contains("resolver.example");
    }

    @Test
    void rootHintsAndResolverExcludeEachOther(@TempDir Path dir) throws IOException {
        Path hints = Files.writeString(dir.resolve("root.hints"), ". NS a.root.test.\n");
        List<ConfigProblem> problems = problems("page: {name: A}\naudit:\n  domains: [a.example]\n  root_hints: " + hints
                + "\n  resolver: 127.0.0.1\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("audit.resolver");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("not both");
        });
    }

    private List<ConfigProblem> problems(String yaml) {
        var thrown = assertThatThrownBy(() -> loader.parse("noroshi.yaml", yaml)).isInstanceOf(ConfigException.class);
        return ((ConfigException) thrown.actual()).problems();
    }
}
