package com.salesai.schema.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptedValueTest {
    private static final byte[] PAYLOAD = new byte[40];

    static {
        for (int i = 0; i < PAYLOAD.length; i++) {
            PAYLOAD[i] = (byte) (i * 7);
        }
    }

    @Test
    void formatsAsVersionKeyIdAndBase64() {
        EncryptedValue value = Keyring.generate("key_2024-01").encrypt("secret", "user|field");

        assertThat(value.format())
                .matches("^v1:[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+$")
                .startsWith("v1:key_2024-01:")
                .isEqualTo(value.toString());
        assertThat(value.payload()).hasSize(12 + "secret".length() + 16);
    }

    @Test
    void parsesWhatItFormats() {
        EncryptedValue value = new EncryptedValue("k1", PAYLOAD);

        EncryptedValue parsed = EncryptedValue.parse(value.format());

        assertThat(parsed).isEqualTo(value).hasSameHashCodeAs(value);
        assertThat(parsed.payload()).isEqualTo(PAYLOAD);
    }

    @Test
    void comparesByContent() {
        assertThat(new EncryptedValue("k1", PAYLOAD)).isEqualTo(new EncryptedValue("k1", PAYLOAD.clone()))
                .isNotEqualTo(new EncryptedValue("k2", PAYLOAD));
    }

    @Test
    void cannotBeChangedThroughItsArray() {
        byte[] payload = PAYLOAD.clone();
        EncryptedValue value = new EncryptedValue("k1", payload);

        payload[0] ^= 1;
        value.payload()[1] ^= 1;

        assertThat(value.payload()).isEqualTo(PAYLOAD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plaintext-secret", "v1:k1", "v1:k1:AAAA:extra", "x:k1:AAAA"})
    void rejectsABadFormatWithoutEchoingTheInput(String input) {
        assertThatThrownBy(() -> EncryptedValue.parse(input))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("expected v1:<keyId>:<base64>")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("plaintext-secret"));
    }

    @Test
    void rejectsAnUnknownVersion() {
        String v2 = "v2:k1:" + Base64.getEncoder().encodeToString(PAYLOAD);

        assertThatThrownBy(() -> EncryptedValue.parse(v2))
                .isInstanceOf(CryptoException.class).hasMessageContaining("unsupported encrypted value version 'v2'");
    }

    @Test
    void rejectsBadBase64() {
        assertThatThrownBy(() -> EncryptedValue.parse("v1:k1:not*base64"))
                .isInstanceOf(CryptoException.class).hasMessageContaining("not valid base64");
    }

    @Test
    void rejectsATooShortPayload() {
        String tooShort = "v1:k1:" + Base64.getEncoder().encodeToString(new byte[27]);

        assertThatThrownBy(() -> EncryptedValue.parse(tooShort))
                .isInstanceOf(CryptoException.class).hasMessageContaining("too short");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "a:b", "ü"})
    void rejectsABadKeyId(String keyId) {
        assertThatThrownBy(() -> new EncryptedValue(keyId, PAYLOAD))
                .isInstanceOf(CryptoException.class).hasMessageContaining("invalid key id");
        assertThatThrownBy(() -> new EncryptedValue("k".repeat(65), PAYLOAD)).isInstanceOf(CryptoException.class);
    }
}
