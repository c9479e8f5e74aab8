package com.salesai.platform.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keyring: {@code APP_CRYPTO_KEYS} ({@code id1:<base64 32 bytes>,id2:...}) and {@code APP_CRYPTO_ACTIVE_KEY}.
 * {@code devMode} allows a generated in-memory ring when none is configured. {@code acceptLegacyAad}
 * ({@code APP_CRYPTO_ACCEPT_LEGACY_AAD}, on by default so an upgrade breaks no tenant) still decrypts values written
 * with an AAD that a newer one replaced; turn it off once every value was re-encrypted. {@link #toString()} hides
 * the keys.
 */
@ConfigurationProperties("app.crypto")
public record CryptoProperties(String keys, String activeKey, boolean devMode,
                               @DefaultValue("true") boolean acceptLegacyAad) {
    @Override
    public String toString() {
        return "CryptoProperties[keys=" + (keys == null || keys.isBlank() ? "<none>" : "***")
                + ", activeKey=" + activeKey + ", devMode=" + devMode + ", acceptLegacyAad=" + acceptLegacyAad + "]";
    }
}
