package com.salesai.ingest.config;

import com.salesai.schema.crypto.Keyring;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CryptoConfigTest {

    @Test
    void missingKeyringOutsideDevModeIsAStartUpError() {
        assertThatThrownBy(() -> CryptoConfig.keyringFrom(new CryptoProperties("", "", false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("APP_CRYPTO_KEYS");
    }

    @Test
    void devModeWithoutKeysGeneratesARing() {
        assertThat(CryptoConfig.keyringFrom(new CryptoProperties(null, null, true)).activeKeyId()).isEqualTo("dev");
    }

    @Test
    void configuredKeysAreUsed() {
        Keyring ring = Keyring.generate("k7");
        assertThat(CryptoConfig.keyringFrom(new CryptoProperties(ring.spec(), "k7", false)).activeKeyId())
                .isEqualTo("k7");
    }
}
