package com.salesai.ingest.config;

import com.salesai.schema.crypto.Keyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfig {
    private static final Logger log = LoggerFactory.getLogger(CryptoConfig.class);

    @Bean
    Keyring keyring(CryptoProperties properties) {
        return keyringFrom(properties);
    }

    /** A missing keyring is a start-up error outside dev mode: every webhook secret would fail to decrypt. */
    static Keyring keyringFrom(CryptoProperties properties) {
        boolean configured = properties.keys() != null && !properties.keys().isBlank();
        if (configured) {
            return Keyring.parse(properties.keys(), properties.activeKey());
        }
        if (!properties.devMode()) {
            throw new IllegalStateException("no keyring: set APP_CRYPTO_KEYS and APP_CRYPTO_ACTIVE_KEY"
                    + " (app.crypto.keys / app.crypto.active-key), or app.crypto.dev-mode=true for a throw-away ring");
        }
        log.warn("dev mode: using a generated keyring; webhook secrets encrypted elsewhere will not decrypt");
        return Keyring.generate("dev");
    }
}
