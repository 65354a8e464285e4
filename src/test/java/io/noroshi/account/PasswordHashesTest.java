package io.noroshi.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashesTest {

    final PasswordHashes hashes = new PasswordHashes();

    @Test
    void newHashesAreArgon2idPhcStringsWithOwaspParameters() {
        String encoded = hashes.hash("correct horse battery".toCharArray());
        assertThat(encoded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct");
        assertThat(encoded.split("\\$")).hasSize(6);
    }

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String encoded = hashes.hash("パスワードは長めに".toCharArray());
        assertThat(hashes.verify("パスワードは長めに".toCharArray(), encoded)).isTrue();
        assertThat(hashes.verify("パスワードは長めで".toCharArray(), encoded)).isFalse();
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        assertThat(hashes.hash("same password".toCharArray())).isNotEqualTo(hashes.hash("same password".toCharArray()));
    }

    @Test
    void importedBcryptHashesVerify() {
        String bcrypt = OpenBSDBCrypt.generate("2b", "imported secret".toCharArray(), new byte[16], 6);
        assertThat(hashes.verify("imported secret".toCharArray(), bcrypt)).isTrue();
        assertThat(hashes.verify("imported secreT".toCharArray(), bcrypt)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA", "$argon2id$v=19$m=x,t=1,p=1$c2FsdA$aGFzaA",
            "$argon2id$v=19$q=8$c2FsdA$aGFzaA", "$argon2id$v=19$m=8,t=1,p=1$!!$aGFzaA"})
    void malformedHashesNeverVerify(String encoded) {
        assertThat(hashes.verify("anything".toCharArray(), encoded)).isFalse();
    }
}
