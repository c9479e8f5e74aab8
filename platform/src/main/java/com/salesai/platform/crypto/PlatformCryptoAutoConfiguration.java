package com.salesai.platform.crypto;

import com.salesai.schema.crypto.Keyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * The keyring of the services that hold secrets ({@code app.crypto}). Lazy: it is built, and a missing keyring stops
 * start-up, only in a service that injects it; the others never need {@code APP_CRYPTO_KEYS}.
 */
@AutoConfiguration
@EnableConfigurationProperties(CryptoProperties.class)
public class PlatformCryptoAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PlatformCryptoAutoConfiguration.class);

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    Keyring keyring(CryptoProperties crypto) {
        return keyringFrom(crypto);
    }

    /** The services' one way to open a secret whose AAD changed (see {@link AadMigration}). */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    AadMigration aadMigration(Keyring keyring, CryptoProperties crypto) {
        if (crypto.acceptLegacyAad()) {
            log.info("Legacy AADs accepted (APP_CRYPTO_ACCEPT_LEGACY_AAD=true): secrets written before the"
                    + " organization was bound into their AAD still decrypt until re-encrypted");
        }
        return new AadMigration(keyring, crypto.acceptLegacyAad());
    }

    /** Outside dev mode no keyring is a start-up error rather than secrets stored or read unprotected. */
    static Keyring keyringFrom(CryptoProperties crypto) {
        if (crypto.keys() != null && !crypto.keys().isBlank()) {
            Keyring keyring = Keyring.parse(crypto.keys(), crypto.activeKey());
            log.info("Keyring loaded: {}", keyring);
            return keyring;
        }
        if (crypto.devMode()) {
            log.warn("DEV MODE: no APP_CRYPTO_KEYS configured, using a generated in-memory keyring. Secrets it"
                    + " encrypts become unreadable after a restart and no other service can decrypt them.");
            return Keyring.generate("dev");
        }
        throw new IllegalStateException("No keyring configured: set APP_CRYPTO_KEYS (id1:<base64 32 bytes>,...) and"
                + " APP_CRYPTO_ACTIVE_KEY, or app.crypto.dev-mode=true for local development");
    }
}
