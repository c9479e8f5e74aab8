package com.salesai.dashboard.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/** Origins of frontends allowed to call the API from a browser ({@code APP_CORS_ALLOWED_ORIGINS}, comma-separated). */
@ConfigurationProperties("app.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins) {
}
