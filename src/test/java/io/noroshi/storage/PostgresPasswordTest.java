package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresPasswordTest {

    @Test
    void pgpasswordFromTheEnvironmentBecomesTheConnectionsPassword() {
        var properties = new Properties();
        PostgresServer.passwordFromEnvironment(properties, Map.of("PGPASSWORD", "s3cret"));
        assertThat(properties.getProperty("password")).isEqualTo("s3cret");
    }

    @Test
    void withoutPgpasswordNoPasswordIsSetSoTheDriverReadsPgpassfile() {
        var properties = new Properties();
        PostgresServer.passwordFromEnvironment(properties, Map.of("PGPASSFILE", "/etc/noroshi/pgpass"));
        assertThat(properties.getProperty("password")).isNull();
    }
}
