package com.salesai.dashboard.pages;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web pages' own settings ({@code app.web}): the public OIDC client they sign in with ({@code APP_WEB_CLIENT_ID}),
 * the integration API's base URL ({@code APP_WEB_INTEGRATION_API_URL}) and analysis-service's
 * ({@code APP_WEB_ANALYSIS_API_URL}, the org's analysis settings); empty: this origin, as behind the Kubernetes Ingress. The issuer and whether dev tokens are accepted come from {@code app.auth}, which verifies them.
 */
@ConfigurationProperties("app.web")
record WebPagesProperties(@DefaultValue("call-intelligence-web") String clientId,
                          @DefaultValue("") String integrationApiUrl,
                          @DefaultValue("") String analysisApiUrl) {
}
