package com.salesai.dashboard.pages;

import com.salesai.dashboard.config.SecurityConfig;
import com.salesai.platform.security.PlatformSecurityAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages' settings come from the environment (none of these values is a default) and are served without a token;
 * the pages' policy lets them call the issuer, the integration API and analysis-service, nothing else.
 */
@WebMvcTest(controllers = PagesConfigController.class, properties = {
        "app.auth.issuer-uri=https://login.example.test/realms/sales",
        "app.auth.audience=call-intelligence",
        "app.auth.dev-secret=" + PagesConfigControllerTest.DEV_SECRET,
        "app.web.client-id=pages-of-example",
        "app.web.integration-api-url=https://integrations.example.test:8443/",
        "app.web.analysis-api-url=https://analysis.example.test/"})
@Import({PagesConfig.class, SecurityConfig.class})
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class PagesConfigControllerTest {

    static final String DEV_SECRET = "dev-secret-that-must-never-reach-a-page";

    @Autowired
    MockMvc mvc;

    /** Instead of the issuer's (its discovery document would be fetched at start-up): no token is verified here. */
    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void servesTheEnvironmentsSettingsAnonymouslyAndBrieflyCacheable() throws Exception {
        String body = mvc.perform(get("/config.json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=60, public"))
                .andExpect(jsonPath("$.issuer").value("https://login.example.test/realms/sales"))
                .andExpect(jsonPath("$.clientId").value("pages-of-example"))
                .andExpect(jsonPath("$.integrationApiUrl").value("https://integrations.example.test:8443"))
                .andExpect(jsonPath("$.analysisApiUrl").value("https://analysis.example.test"))
                .andExpect(jsonPath("$.devTokensAccepted").value(true))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain(DEV_SECRET);
    }

    @Test
    void thePagesMayCallTheIssuerTheIntegrationApiAndTheAnalysisApiOnly() throws Exception {
        String policy = mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getHeader("Content-Security-Policy");

        assertThat(policy).contains("connect-src 'self' https://integrations.example.test:8443 "
                + "https://analysis.example.test https://login.example.test;", "script-src 'self';", "frame-ancestors 'none'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "/realms");
    }

    @Test
    void theDataBehindThePagesStillNeedsAToken() throws Exception {
        mvc.perform(get("/api/calls")).andExpect(status().isUnauthorized());
    }
}
