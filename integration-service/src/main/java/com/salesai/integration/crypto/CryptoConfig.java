package com.salesai.integration.crypto;

import com.salesai.schema.crypto.Keyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The keyring bean; no keyring outside dev mode stops start-up rather than storing secrets unprotected. */
@Configuration(proxyBeanMethods = false)
class CryptoConfig {
    private static final Logger log = LoggerFactory.getLogger(CryptoConfig.class);

    @Bean
    Keyring keyring(CryptoProperties crypto) {
        return keyringFrom(crypto);
    }

    static Keyring keyringFrom(CryptoProperties crypto) {
        if (crypto.keys() != null && !crypto.keys().isBlank()) {
            Keyring keyring = Keyring.parse(crypto.keys(), crypto.activeKey());
            log.info("Keyring loaded: {}", keyring);
            return keyring;
        }
        if (crypto.devMode()) {
            log.warn("DEV MODE: no APP_CRYPTO_KEYS configured, using a generated in-memory keyring. Stored secrets"
                    + " become unreadable after a restart and webhook-ingest-service cannot decrypt them.");
            return Keyring.generate("dev");
        }
        throw new IllegalStateException("No keyring configured: set APP_CRYPTO_KEYS (id1:<base64 32 bytes>,...) and"
                + " APP_CRYPTO_ACTIVE_KEY, or app.crypto.dev-mode=true for local development");
    }
}
