package com.salesai.platform.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keyring: {@code APP_CRYPTO_KEYS} ({@code id1:<base64 32 bytes>,id2:...}) and {@code APP_CRYPTO_ACTIVE_KEY}.
 * {@code devMode} allows a generated in-memory ring when none is configured. {@link #toString()} hides the keys.
 */
@ConfigurationProperties("app.crypto")
public record CryptoProperties(String keys, String activeKey, boolean devMode) {
    @Override
    public String toString() {
        return "CryptoProperties[keys=" + (keys == null || keys.isBlank() ? "<none>" : "***")
                + ", activeKey=" + activeKey + ", devMode=" + devMode + "]";
    }
}
