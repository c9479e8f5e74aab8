package com.salesai.ingest.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keyring that decrypts webhook secrets ({@code APP_CRYPTO_KEYS}, {@code APP_CRYPTO_ACTIVE_KEY}). Without keys
 * only {@code devMode} may start, with a throw-away ring.
 */
@ConfigurationProperties("app.crypto")
public record CryptoProperties(String keys, String activeKey, boolean devMode) {

    @Override
    public String toString() {
        return "CryptoProperties[activeKey=" + activeKey + ", devMode=" + devMode + "]";
    }
}
