package io.noroshi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void bundledDemoConfigIsValid() {
        NoroshiConfig config = loader.load(Path.of("src/main/resources/demo/noroshi.yaml"));
        assertThat(config.page().languages()).containsExactly("en", "ja");
        assertThat(config.page().timeZone().getId()).isEqualTo("Asia/Tokyo");
        assertThat(config.sites()).extracting(Site::id).contains("tokyo-dc1", "osaka-dc2");
        assertThat(config.service("web").orElseThrow().dependsOn()).containsExactly("dns", "database");
        assertThat(config.component("mail").orElseThrow().name().in("ja")).isEqualTo("メール");
        assertThat(config.site("tokyo-dc1").orElseThrow().sharedParts()).extracting(Site.SharedPart::id).containsExactly("san-tokyo");
    }

    @Test
    void reportsEveryProblemAtOnceWithLineAndKey() {
        String yaml = """
                page:
                  name: Example
                  languages: [en, fr]
                sites:
                  - id: dc1
                    parnet: dc0
                services:
                  - id: web
                    kind: web
                    endpoints:
                      - {host: www.example.com, site: dc9}
                    depends_on: [dns]
                components:
                  - id: web
                    services: [web]
                    group: nowhere
                """;
        List<ConfigProblem> problems = problems(yaml);
        assertThat(problems).extracting(ConfigProblem::toString).containsExactly(
                "noroshi.yaml:3: page.languages: unsupported language 'fr'; supported: [en, ja]",
                "noroshi.yaml:6: sites[0].parnet: unknown key; expected a known key such as id, name, kind, parent, shared_parts",
                "noroshi.yaml:11: services[0].endpoints[0].site: unknown site 'dc9'; declared: dc1",
                "noroshi.yaml:12: services[0].depends_on: unknown service 'dns'; declared: web",
                "noroshi.yaml:16: components[0].group: unknown component group 'nowhere'; none is declared");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing page name      | 'page: {}'                                                         | 1 | page.name: is required",
            "unknown top-level key  | 'page: {name: A}\nsitez: []'                                      | 2 | sitez: unknown key",
            "bad time zone          | 'page: {name: A, time_zone: Mars/Base}'                            | 1 | page.time_zone: 'Mars/Base' is not a time zone",
            "bad url                | 'page: {name: A, url: ftp://x}'                                    | 1 | page.url: 'ftp://x' is not an http(s) URL",
            "default not offered    | 'page: {name: A, languages: [en], default_language: ja}'           | 1 | page.default_language: 'ja' is not one of languages [en]",
            "duplicate key          | 'page: {name: A}\npage: {name: B}'                                 | 2 | page: duplicate key",
            "duplicate site id      | 'page: {name: A}\nsites:\n- id: a\n- id: a'                        | 4 | sites[1].id: duplicate site id 'a'",
            "bad id                 | 'page: {name: A}\nsites:\n- id: Tokyo DC'                          | 3 | sites[0].id: 'Tokyo DC' is not a valid id",
            "unknown service kind   | 'page: {name: A}\nservices:\n- {id: x, kind: ftp}'                 | 3 | services[0].kind: 'ftp' is not one of dns, web",
            "missing service kind   | 'page: {name: A}\nservices:\n- {id: x}'                            | 3 | services[0].kind: is required",
            "endpoint without host  | 'page: {name: A}\nsites: [{id: s}]\nservices:\n- id: x\n  kind: web\n  endpoints: [{site: s}]' | 6 | services[0].endpoints[0]: an endpoint needs a host, an address, or both",
            "unknown shared part    | 'page: {name: A}\nsites: [{id: s}]\nservices:\n- id: x\n  kind: web\n  endpoints: [{host: h, site: s, shared_parts: [san]}]' | 6 | has no shared part 'san'",
            "list expected          | 'page: {name: A}\nsites: {id: a}'                                  | 2 | sites: expected a list",
            "not yaml               | 'page: [name'                                                      | 1 | not valid YAML",
            "not a mapping          | '- a\n- b'                                                          | 1 | expected a mapping with the sections",
            "unknown language key   | 'page: {name: A, description: {en: x, de: y}}'                     | 1 | page.description.de: unknown key",
            "audit not a domain     | 'page: {name: A}\naudit:\n  domains: [localhost]'                          | 3 | audit.domains: 'localhost' is not a domain name",
            "audit bad label        | 'page: {name: A}\naudit:\n  domains: [-bad.example]'                       | 3 | audit.domains: '-bad.example' is not a domain name",
            "audit twice            | 'page: {name: A}\naudit:\n  domains: [a.example, A.example.]'              | 3 | audit.domains: lists 'a.example' twice",
            "audit empty list       | 'page: {name: A}\naudit:\n  domains: []'                                   | 3 | audit.domains: must name at least one domain",
            "audit bad interval     | 'page: {name: A}\naudit:\n  domains: [a.example]\n  interval: often'        | 4 | audit.interval: 'often' is not a duration",
            "audit too often        | 'page: {name: A}\naudit:\n  domains: [a.example]\n  interval: 30s'          | 4 | audit.interval: must be at least 1m",
            "audit zero timeout     | 'page: {name: A}\naudit:\n  domains: [a.example]\n  timeout: 0s'            | 4 | audit.timeout: must be longer than zero",
            "audit missing hints file | 'page: {name: A}\naudit:\n  domains: [a.example]\n  root_hints: /nonexistent/root.hints' | 4 | audit.root_hints: cannot read '/nonexistent/root.hints'",
            "audit missing asn file | 'page: {name: A}\naudit:\n  domains: [a.example]\n  asn_db: /nonexistent/x.mmdb'  | 4 | audit.asn_db: cannot read '/nonexistent/x.mmdb'",
            "audit bad resolver     | 'page: {name: A}\naudit:\n  domains: [a.example]\n  resolver: \"a b:53\"'  | 4 | audit.resolver: 'a b:53' is not HOST or HOST:PORT",
            "audit port out of range | 'page: {name: A}\naudit:\n  domains: [a.example]\n  resolver: 127.0.0.1:70000' | 4 | audit.resolver: '127.0.0.1:70000' is not HOST or HOST:PORT",
            "audit unknown key      | 'page: {name: A}\naudit:\n  domains: [a.example]\n  domain: a.example'      | 4 | audit.domain: unknown key; expected a known key such as domains, interval",
            "audit not a mapping    | 'page: {name: A}\naudit: [a.example]'                                      | 2 | audit: expected a mapping",
    })
    void namesLineAndKeyOfEachProblem(String title, String yaml, int line, String message) {
        List<ConfigProblem> problems = problems(yaml.replace("\\n", "\n"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.toString()).contains(message);
        });
    }

    @Test
    void dependencyCyclesAndParentCyclesAreErrors() {
        String yaml = """
                page: {name: A}
                sites:
                  - {id: a, parent: b}
                  - {id: b, parent: a}
                services:
                  - {id: x, kind: web, depends_on: [y]}
                  - {id: y, kind: dns, depends_on: [x]}
                """;
        assertThat(problems(yaml)).extracting(ConfigProblem::message)
                .anySatisfy(m -> assertThat(m).contains("depends_on forms a cycle: x -> y -> x"))
                .anySatisfy(m -> assertThat(m).contains("is its own ancestor"));
    }

    @Test
    void textMayBeOneStringOrOnePerLanguage() {
        NoroshiConfig config = loader.parse("t.yaml", """
                page: {name: A, languages: [en, ja]}
                components:
                  - {id: one, name: Same}
                  - {id: two, name: {en: Mail, ja: メール}}
                """);
        assertThat(config.components().get(0).name().in("ja")).isEqualTo("Same");
        assertThat(config.components().get(1).name().in("en")).isEqualTo("Mail");
        assertThat(config.components().get(1).name().in("ja")).isEqualTo("メール");
    }

    @Test
    void impossibleAddressesAreRefusedWithTheirLineAndKey() {
        String yaml = """
                page: {name: A}
                sites:
                  - {id: dc1, kind: datacenter}
                services:
                  - id: dns
                    kind: dns
                    endpoints:
                      - {host: ns1.example, address: 192.0.2.999, site: dc1}
                      - {address: "2001:db8::zz", site: dc1}
                      - {address: 192.0.2.53, site: dc1}
                      - {address: "2001:db8::53", site: dc1}
                monitors:
                  - {id: ping, kind: tcp, host: 10.0.0.300, port: 22}
                  - {id: name, kind: tcp, host: db.example, port: 5432}
                monitoring:
                  metrics_bind: 127.0.0.256:9464
                """;
        assertThat(problems(yaml)).extracting(p -> p.line() + " " + p.key() + ": " + p.message()).containsExactlyInAnyOrder(
                "8 services[0].endpoints[0].address: '192.0.2.999' is not an IP address: '999' is not a number from 0 to 255",
                "9 services[0].endpoints[1].address: '2001:db8::zz' is not an IPv6 address",
                "13 monitors[0].host: '10.0.0.300' is not an IP address: '300' is not a number from 0 to 255",
                "16 monitoring.metrics_bind: '127.0.0.256' is not an IP address: '256' is not a number from 0 to 255");
    }

    private List<ConfigProblem> problems(String yaml) {
        var thrown = assertThatThrownBy(() -> loader.parse("noroshi.yaml", yaml)).isInstanceOf(ConfigException.class);
        return ((ConfigException) thrown.actual()).problems();
    }
}
