package com.salesai.platform.crypto;

import com.salesai.schema.crypto.Keyring;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyringConfigurationTest {

    @Test
    void missingKeyringOutsideDevModeIsAStartUpError() {
        assertThatThrownBy(() -> PlatformCryptoAutoConfiguration.keyringFrom(new CryptoProperties("", "", false, true)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("APP_CRYPTO_KEYS");
    }

    @Test
    void devModeWithoutKeysGeneratesARing() {
        assertThat(PlatformCryptoAutoConfiguration.keyringFrom(new CryptoProperties(null, null, true, true)).activeKeyId()).isEqualTo("dev");
    }

    @Test
    void configuredKeysAreUsed() {
        Keyring ring = Keyring.generate("k7");
        assertThat(PlatformCryptoAutoConfiguration.keyringFrom(new CryptoProperties(ring.spec(), "k7", false, true)).activeKeyId())
                .isEqualTo("k7");
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlatformCryptoAutoConfiguration.class));

    @Test
    void aServiceThatNeverAsksForTheKeyringStartsWithoutKeys() {
        contexts.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theKeyringIsReadFromAppCrypto() {
        Keyring ring = Keyring.generate("k9");
        contexts.withPropertyValues("app.crypto.keys=" + ring.spec(), "app.crypto.active-key=k9")
                .run(context -> assertThat(context.getBean(Keyring.class).activeKeyId()).isEqualTo("k9"));
    }

    @Test
    void askingForAMissingKeyringFails() {
        contexts.run(context -> assertThatThrownBy(() -> context.getBean(Keyring.class))
                .hasRootCauseMessage("No keyring configured: set APP_CRYPTO_KEYS (id1:<base64 32 bytes>,...) and"
                        + " APP_CRYPTO_ACTIVE_KEY, or app.crypto.dev-mode=true for local development"));
    }

    @Test
    void legacyAadsAreAcceptedUntilTheOperatorTurnsThemOff() {
        Keyring ring = Keyring.generate("k9");
        ApplicationContextRunner configured = contexts.withPropertyValues("app.crypto.keys=" + ring.spec(),
                "app.crypto.active-key=k9");
        configured.run(context -> assertThat(context.getBean(AadMigration.class).acceptsLegacy()).isTrue());
        configured.withPropertyValues("app.crypto.accept-legacy-aad=false")
                .run(context -> assertThat(context.getBean(AadMigration.class).acceptsLegacy()).isFalse());
    }
}
