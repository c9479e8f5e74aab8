package com.salesai.devidp;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages renew their token with the refresh token, which is rotated, and revoke it when signing out. */
class RefreshRotationTest extends ProviderTestBase {

    @Test
    void aRefreshTokenWorksOnceAndIsReplacedByANewOne() throws Exception {
        String first = signedInAs("alice").path("refresh_token").asString();

        HttpResponse<String> renewed = browser.refresh(first);
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        JsonNode tokens = Browser.json(renewed);
        String second = tokens.path("refresh_token").asString();
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(verified(tokens.path("access_token").asString()).getSubject()).isEqualTo("rep-alice");

        HttpResponse<String> replayed = browser.refresh(first);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("invalid_grant");
        assertThat(browser.refresh(second).statusCode()).isEqualTo(200);
    }

    @Test
    void thePublicClientRevokesItsRefreshTokenWithoutASecret() throws Exception {
        String refresh = signedInAs("bruno").path("refresh_token").asString();

        HttpResponse<String> revoked = browser.post(ISSUER + "/oauth2/revoke", Map.of("token", refresh,
                "token_type_hint", "refresh_token", "client_id", Browser.WEB_CLIENT), null);

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(browser.refresh(refresh).statusCode()).isEqualTo(400);
    }

    @Test
    void thePagesMayCallTheTokenAndRevocationEndpointsFromTheirOrigin() throws Exception {
        for (String endpoint : new String[] {"/oauth2/token", "/oauth2/revoke"}) {
            HttpResponse<String> preflight = browser.preflight(ISSUER + endpoint, "http://localhost:8080");

            assertThat(preflight.statusCode()).as(endpoint).isEqualTo(200);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(endpoint)
                    .hasValue("http://localhost:8080");
            assertThat(browser.preflight(ISSUER + endpoint, "https://evil.example").statusCode()).as(endpoint)
                    .isEqualTo(403);
        }
    }

    @Test
    void anUnknownClientCannotRefresh() throws Exception {
        String refresh = signedInAs("ada").path("refresh_token").asString();

        HttpResponse<String> reply = browser.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh,
                "client_id", "someone-else"), null);

        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(reply.body()).contains("invalid_client");
    }

    private JsonNode signedInAs(String username) throws Exception {
        String verifier = Browser.newVerifier();
        return browser.exchange(browser.signIn(username, "dev-password", verifier), verifier);
    }
}
