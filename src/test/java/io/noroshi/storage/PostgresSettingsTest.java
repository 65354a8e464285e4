package io.noroshi.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --database-url handling: secrets never reach a message, and a dead server gives an actionable one. */
class PostgresSettingsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://db:5432/noroshi?user=app&password=s3cret      | jdbc:postgresql://db:5432/noroshi?user=***&password=***
            jdbc:postgresql://db/noroshi?password=s3cret&ssl=true           | jdbc:postgresql://db/noroshi?password=***&ssl=true
            jdbc:postgresql://app:s3cret@db:5432/noroshi                    | jdbc:postgresql://***@db:5432/noroshi
            jdbc:postgresql://db:5432/noroshi?sslmode=require&PASSWORD=s3cret | jdbc:postgresql://db:5432/noroshi?sslmode=require&PASSWORD=***
            jdbc:postgresql://db:5432/noroshi                               | jdbc:postgresql://db:5432/noroshi
            """)
    void redactedUrlHasNoCredentials(String url, String redacted) {
        assertThat(new DatabaseSettings.Postgres(url).redactedUrl()).isEqualTo(redacted);
        assertThat(new DatabaseSettings.Postgres(url).toString()).doesNotContain("s3cret");
    }

    @Test
    void targetIsHostPortAndDatabase() {
        assertThat(RedactedUrl.target("jdbc:postgresql://app:pw@db.example:6432/noroshi?password=pw")).isEqualTo("db.example:6432/noroshi");
    }

    @Test
    void anUnreachableServerGivesAMessageWithTargetAndNoPassword() {
        var settings = new DatabaseSettings.Postgres("jdbc:postgresql://127.0.0.1:1/noroshi?user=app&password=s3cret");

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot connect to PostgreSQL at 127.0.0.1:1/noroshi: ")
                .message().doesNotContain("s3cret");
    }

    @Test
    void aUrlForAnotherDatabaseIsRejectedWithoutEchoingItsPassword() {
        assertThatThrownBy(() -> new DatabaseSettings.Postgres("jdbc:mysql://db/noroshi?user=app&password=s3cret"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("--database-url must start with jdbc:postgresql://")
                .message().doesNotContain("s3cret");
    }
}
