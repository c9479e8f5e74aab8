package com.salesai.platform.operator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator token ({@code APP_ADMIN_TOKEN}, {@code app.admin.token}) that platform operations take: re-encrypting
 * every tenant's secrets, replaying dead letters. A token shorter than {@link #MIN_LENGTH} characters leaves them off.
 */
@ConfigurationProperties("app.admin")
public record OperatorProperties(String token) {
    static final int MIN_LENGTH = 32;

    boolean enabled() {
        return token != null && token.strip().length() >= MIN_LENGTH;
    }

    @Override
    public String toString() {
        return "OperatorProperties[token=" + (enabled() ? "(set)" : "(none)") + "]";
    }
}
