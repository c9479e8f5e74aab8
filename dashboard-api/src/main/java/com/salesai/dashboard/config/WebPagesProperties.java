package com.salesai.dashboard.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The web pages' Content-Security-Policy ({@code app.web}): scripts, styles and images from this origin only, and
 * API calls to this origin plus {@code connectOrigins} ({@code APP_WEB_CONNECT_ORIGINS}, comma-separated: the
 * integration API's origin where it is not this one).
 */
@ConfigurationProperties("app.web")
record WebPagesProperties(@DefaultValue List<String> connectOrigins) {

    String contentSecurityPolicy() {
        String connect = String.join(" ", connectOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList());
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
                + (connect.isEmpty() ? "" : " " + connect)
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
