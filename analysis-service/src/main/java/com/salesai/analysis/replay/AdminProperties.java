package com.salesai.analysis.replay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Admin endpoints, prefix {@code app.admin}: {@code token} (env {@code APP_ADMIN_TOKEN}); blank disables them. */
@ConfigurationProperties("app.admin")
public record AdminProperties(String token) {
    boolean enabled() {
        return token != null && !token.isBlank();
    }

    @Override
    public String toString() {
        return "AdminProperties[token=" + (enabled() ? "(set)" : "(none)") + "]";
    }
}
