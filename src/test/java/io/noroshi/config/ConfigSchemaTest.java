package io.noroshi.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published JSON Schema and the loader accept exactly the same keys, section by section. */
class ConfigSchemaTest {

    static final JsonNode SCHEMA = read();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "page                 | /properties/page                                                       | 'page: {name: A, bogus_key: 1}'",
            "sites                | /properties/sites/items                                                | 'page: {name: A}\nsites: [{id: a, bogus_key: 1}]'",
            "shared parts         | /properties/sites/items/properties/shared_parts/items                  | 'page: {name: A}\nsites: [{id: a, shared_parts: [{id: p, bogus_key: 1}]}]'",
            "services             | /properties/services/items                                             | 'page: {name: A}\nservices: [{id: a, kind: web, bogus_key: 1}]'",
            "endpoints            | /properties/services/items/properties/endpoints/items                  | 'page: {name: A}\nservices: [{id: a, kind: web, endpoints: [{host: h, site: s, bogus_key: 1}]}]'",
            "component groups     | /properties/component_groups/items                                     | 'page: {name: A}\ncomponent_groups: [{id: a, bogus_key: 1}]'",
            "components           | /properties/components/items                                           | 'page: {name: A}\ncomponents: [{id: a, bogus_key: 1}]'",
            "audit                | /properties/audit                                                      | 'page: {name: A}\naudit: {domains: [example.com], bogus_key: 1}'",
            "monitoring           | /properties/monitoring                                                 | 'page: {name: A}\nmonitoring: {bogus_key: 1}'",
            "flap damping         | /properties/monitoring/properties/flap_damping                         | 'page: {name: A}\nmonitoring: {flap_damping: {bogus_key: 1}}'",
            "mirrors              | /properties/mirrors                                                    | 'page: {name: A}\nmirrors: {bogus_key: 1}'",
            "mirror bundle        | /properties/mirrors/properties/bundle                                  | 'page: {name: A}\nmirrors: {bundle: {bogus_key: 1}}'",
            "mirror targets       | /properties/mirrors/properties/targets/items                           | 'page: {name: A}\nsites: [{id: b}]\nmirrors: {targets: [{id: m, site: b, directory: /x, bogus_key: 1}]}'",
            "mirror s3            | /properties/mirrors/properties/targets/items/properties/s3             | 'page: {name: A}\nsites: [{id: b}]\nmirrors: {targets: [{id: m, site: b, s3: {bucket: x, access_key_env: K, secret_key_env: S, bogus_key: 1}}]}'",
            "mirror sftp          | /properties/mirrors/properties/targets/items/properties/sftp           | 'page: {name: A}\nsites: [{id: b}]\nmirrors: {targets: [{id: m, site: b, sftp: {host: h, user: u, key_file: k, known_hosts: n, bogus_key: 1}}]}'",
            "mirror git           | /properties/mirrors/properties/targets/items/properties/git            | 'page: {name: A}\nsites: [{id: b}]\nmirrors: {targets: [{id: m, site: b, git: {url: u, bogus_key: 1}}]}'",
    })
    void schemaAndLoaderKnowTheSameKeys(String section, String schemaPointer, String yaml) {
        Set<String> schemaKeys = new TreeSet<>();
        SCHEMA.at(schemaPointer).path("properties").fieldNames().forEachRemaining(schemaKeys::add);
        assertThat(schemaKeys).as("schema section %s", section).isNotEmpty();

        String unknownKeyMessage = problems(yaml.replace("\\n", "\n")).stream()
                .filter(p -> p.key().endsWith("bogus_key"))
                .findFirst().orElseThrow().message();
        Set<String> loaderKeys = Arrays.stream(unknownKeyMessage.replaceFirst(".*such as ", "").split(", "))
                .map(String::strip).collect(Collectors.toCollection(TreeSet::new));
        assertThat(loaderKeys).as("keys the loader reads in %s", section).isEqualTo(schemaKeys);
    }

    @ParameterizedTest
    @CsvSource({"page", "sites", "services", "component_groups", "components", "vantage_points", "monitors", "monitoring", "audit", "mirrors"})
    void everyTopLevelSectionIsInTheSchema(String section) {
        assertThat(SCHEMA.path("properties").has(section)).isTrue();
    }

    private static java.util.List<ConfigProblem> problems(String yaml) {
        try {
            new ConfigLoader().parse("t.yaml", yaml);
            return java.util.List.of();
        } catch (ConfigException e) {
            return e.problems();
        }
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Path.of("schema/noroshi.schema.json").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
