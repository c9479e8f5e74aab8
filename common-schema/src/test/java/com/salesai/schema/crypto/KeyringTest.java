package com.salesai.schema.crypto;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyringTest {
    private static final String AAD = Aad.of("user-1", "webhookSecret");
    private static final String K1 = Keyring.generateKeySpec("k1");
    private static final String K2 = Keyring.generateKeySpec("k2");

    private final Keyring ring = Keyring.parse(K1, "k1");

    @Test
    void roundTrips() {
        String plaintext = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw ünïcödé";

        EncryptedValue value = ring.encrypt(plaintext, AAD);

        assertThat(value.keyId()).isEqualTo("k1");
        assertThat(ring.decrypt(EncryptedValue.parse(value.format()), AAD)).isEqualTo(plaintext);
    }

    @Test
    void roundTripsTheEmptyString() {
        assertThat(ring.decrypt(ring.encrypt("", AAD), AAD)).isEmpty();
    }

    @Test
    void encryptingTheSamePlaintextTwiceGivesDifferentValues() {
        EncryptedValue first = ring.encrypt("secret", AAD);
        EncryptedValue second = ring.encrypt("secret", AAD);

        assertThat(first).isNotEqualTo(second);
        assertThat(first.format()).isNotEqualTo(second.format());
    }

    @Test
    void rejectsATamperedValue() {
        byte[] payload = ring.encrypt("secret", AAD).payload();
        for (int i = 0; i < payload.length; i++) {
            byte[] tampered = payload.clone();
            tampered[i] ^= 0x01;
            EncryptedValue value = new EncryptedValue("k1", tampered);

            assertThatThrownBy(() -> ring.decrypt(value, AAD))
                    .isInstanceOf(CryptoException.class)
                    .hasMessage("decryption failed: wrong key, wrong AAD or tampered value");
        }
    }

    @Test
    void rejectsAWrongAad() {
        EncryptedValue value = ring.encrypt("secret", AAD);

        assertThatThrownBy(() -> ring.decrypt(value, Aad.of("user-2", "webhookSecret")))
                .isInstanceOf(CryptoException.class).hasMessageContaining("wrong AAD");
        assertThatThrownBy(() -> ring.decrypt(value, Aad.of("user-1", "apiKey")))
                .isInstanceOf(CryptoException.class).hasMessageContaining("wrong AAD");
    }

    @Test
    void rejectsAWrongKeyUnderTheSameId() {
        EncryptedValue value = ring.encrypt("secret", AAD);
        Keyring impostor = Keyring.generate("k1");

        assertThatThrownBy(() -> impostor.decrypt(value, AAD)).isInstanceOf(CryptoException.class)
                .hasMessageContaining("wrong key");
    }

    @Test
    void namesAnUnknownKeyId() {
        EncryptedValue value = Keyring.generate("old").encrypt("secret", AAD);

        assertThatThrownBy(() -> ring.decrypt(value, AAD)).isInstanceOf(CryptoException.class)
                .hasMessageStartingWith("unknown key id 'old'").hasMessageContaining("k1");
    }

    @Test
    void rotatesToANewKey() {
        EncryptedValue underK1 = Keyring.parse(K1, "k1").encrypt("secret", AAD);

        Keyring both = Keyring.parse(K1 + "," + K2, "k2");
        assertThat(both.decrypt(underK1, AAD)).isEqualTo("secret");
        assertThat(both.isActive(underK1)).isFalse();
        EncryptedValue underK2 = both.reencrypt(underK1, AAD);
        assertThat(underK2.keyId()).isEqualTo("k2");
        assertThat(both.isActive(underK2)).isTrue();
        assertThat(both.reencrypt(underK2, AAD)).isSameAs(underK2);

        Keyring k2Only = Keyring.parse(K2, "k2");
        assertThat(k2Only.decrypt(underK2, AAD)).isEqualTo("secret");
        assertThatThrownBy(() -> k2Only.decrypt(underK1, AAD)).hasMessageContaining("unknown key id 'k1'");
    }

    @Test
    void parsesASpecWithWhitespace() {
        Keyring parsed = Keyring.parse("  " + K1.replace(":", " : ") + " ,\n " + K2 + "\n", " k2 ");

        assertThat(parsed.activeKeyId()).isEqualTo("k2");
        assertThat(parsed.decrypt(ring.encrypt("secret", AAD), AAD)).isEqualTo("secret");
    }

    @Test
    void exportsItsSpecSoAnotherServiceGetsTheSameRing() {
        Keyring generated = Keyring.generate("local");
        Keyring copy = Keyring.parse(generated.spec(), generated.activeKeyId());

        assertThat(copy.decrypt(generated.encrypt("secret", AAD), AAD)).isEqualTo("secret");
        assertThat(generated.spec()).matches("local:[A-Za-z0-9+/]{43}=");
    }

    @Test
    void rejectsBadSpecsNamingTheKeyIdButNotTheKey() {
        String key1 = K1.substring(3);
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertParseError(null, "k1", "empty");
        assertParseError(" ", "k1", "empty");
        assertParseError(K1 + "," + K1, "k1", "duplicate key id 'k1'");
        assertParseError("k3:" + shortKey, "k3", "key 'k3' must be 32 bytes (AES-256), got 16");
        assertParseError("k3:" + key1 + "%", "k3", "key 'k3' is not valid base64");
        assertParseError(K1, "k2", "active key id 'k2' is not in the keyring [k1]");
        assertParseError(K1, " ", "active key id is blank");
        assertParseError(K1, null, "active key id is blank");
        assertParseError(key1, "k1", "entry #1 has no valid key id");
        assertParseError(K1 + ",bad id:" + key1, "k1", "entry #2 has no valid key id");
    }

    @Test
    void toStringShowsKeyIdsButNoKeys() {
        Keyring both = Keyring.parse(K1 + "," + K2, "k2");

        assertThat(both.toString()).contains("k1", "k2")
                .doesNotContain(K1.substring(3), K2.substring(3), K1.substring(3, 20));
    }

    private static void assertParseError(String spec, String active, String message) {
        assertThatThrownBy(() -> Keyring.parse(spec, active))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(K1.substring(3, 20)));
    }
}
