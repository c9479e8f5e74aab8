package com.salesai.devidp;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Scripts and tests get a machine token with the CLI client's id and secret. */
class ClientCredentialsTest extends ProviderTestBase {

    @Test
    void theCliClientGetsATokenForTheApisInTheSeededOrganization() throws Exception {
        HttpResponse<String> reply = browser.token(Map.of("grant_type", "client_credentials"),
                "call-intelligence-cli:dev-cli-secret");

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        Jwt access = verified(Browser.json(reply).path("access_token").asString());
        assertThat(access.getSubject()).isEqualTo("call-intelligence-cli");
        assertThat(access.getAudience()).containsExactly("call-intelligence");
        assertThat(access.getClaims()).containsEntry("org_id", "org-acme").containsEntry("org_role", "head_of_sales");
        assertThat(Browser.json(reply).has("refresh_token")).isFalse();
    }

    @Test
    void aWrongSecretIsRefused() throws Exception {
        HttpResponse<String> reply = browser.token(Map.of("grant_type", "client_credentials"),
                "call-intelligence-cli:guess");

        assertThat(reply.statusCode()).isEqualTo(401);
    }
}
