package io.noroshi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code mirrors:} section: every kind read, defaults, and each mistake named with its key and line. */
class MirrorsSectionTest {

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void everyKindOfTargetIsRead() {
        MirrorSettings m = loader.parse("t.yaml", """
                page: {name: A}
                sites: [{id: b}, {id: c}]
                services: [{id: dns-c, kind: dns, endpoints: [{host: ns.c.example, site: c}]}]
                mirrors:
                  falling_behind_after: 2m
                  bundle:
                    recipients: [age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p]
                    contacts: [{name: Aiko, role: lead, email: a@example.net}]
                  targets:
                    - {id: d, site: b, directory: /srv/status}
                    - {id: s, site: c, depends_on: [dns-c], s3: {endpoint: "http://127.0.0.1:9000", bucket: st, prefix: site, access_key_env: K, secret_key_env: S}}
                    - {id: g, site: c, git: {url: "https://git.example/x.git", branch: pages}}
                    - {id: f, site: b, sftp: {host: h.example, port: 2222, user: u, key_file: k, known_hosts: n}}
                """).mirrors();
        assertThat(m.fallingBehindAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(m.bundle().contacts()).containsExactly(new MirrorSettings.Contact("Aiko", "lead", "a@example.net", ""));
        assertThat(m.targets()).extracting(MirrorSettings.Target::id).containsExactly("d", "s", "g", "f");
        assertThat(m.targets().get(0).kind()).isEqualTo(new MirrorSettings.Directory(Path.of("/srv/status")));
        assertThat(m.targets().get(1).kind()).isInstanceOfSatisfying(MirrorSettings.S3.class, s -> {
            assertThat(s.prefix()).isEqualTo("site/");
            assertThat(s.region()).isEqualTo("us-east-1");
        });
        assertThat(m.targets().get(1).dependsOn()).containsExactly("dns-c");
        assertThat(m.targets().get(3).kind()).isInstanceOfSatisfying(MirrorSettings.Sftp.class, f -> assertThat(f.port()).isEqualTo(2222));
    }

    @Test
    void mistakesNameTheirKeyAndLine() {
        var thrown = assertThatThrownBy(() -> loader.parse("t.yaml", """
                page: {name: A}
                sites: [{id: b}]
                mirrors:
                  bundle: {recipients: [AGE-SECRET-KEY-1QQQ]}
                  targets:
                    - {id: two, site: b, directory: /x, git: {url: u}}
                    - {id: s3, site: nowhere, s3: {bucket: b, access_key_env: "my secret", secret_key_env: S}}
                """)).isInstanceOf(ConfigException.class);
        List<ConfigProblem> problems = ((ConfigException) thrown.actual()).problems();
        assertThat(problems).anySatisfy(p -> assertThat(p.line() + " " + p.message()).startsWith("4 ").contains("not an age X25519 public key"));
        assertThat(problems).anySatisfy(p -> assertThat(p.line() + " " + p.message()).startsWith("6 ").contains("exactly one of directory, s3, git, sftp"));
        assertThat(problems).anySatisfy(p -> assertThat(p.key() + " " + p.message()).contains("access_key_env").contains("not an environment variable name"));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("unknown site 'nowhere'"));
    }
}
