package com.salesai.integration;

import com.salesai.testsupport.HostileTokens;
import com.salesai.testsupport.IssuerStub;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuthTest extends IntegrationTestBase {

    @Test
    void everyEndpointNeedsAToken() {
        assertThat(api().call("POST", "/api/integrations/fathom/test", null, "{\"apiKey\":\"k\"}").status())
                .isEqualTo(401);
        assertThat(api().call("PUT", "/api/integrations/fathom", null, "{\"apiKey\":\"k\"}").status()).isEqualTo(401);
        assertThat(api().call("GET", "/api/integrations/fathom", null, null).status()).isEqualTo(401);
        assertThat(api().call("DELETE", "/api/integrations/fathom", null, null).status()).isEqualTo(401);
        assertThat(api().call("POST", "/api/integrations/fathom/import", null, "{}").status()).isEqualTo(401);
        assertThat(api().call("GET", "/api/integrations/fathom/import/x", null, null).status()).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRejected() {
        String token = Tokens.forUser("u", "o");
        // change the signature's first character (all six of its bits are significant, unlike the last one's)
        int signature = token.lastIndexOf('.') + 1;
        char replaced = token.charAt(signature) == 'A' ? 'B' : 'A';
        String forged = token.substring(0, signature) + replaced + token.substring(signature + 1);
        assertThat(api().call("GET", "/api/integrations/fathom", forged, null).status()).isEqualTo(401);
    }

    @Test
    void unsignedExpiredAndOrgLessTokensAreUnauthorized() {
        for (String token : HostileTokens.all(Tokens.SECRET)) {
            assertThat(api().call("GET", "/api/integrations/fathom", token, null).status()).as(token).isEqualTo(401);
        }
    }

    @Test
    void theProvidersTokensForAnotherAudienceExpiredOrForgedAreUnauthorized() {
        for (String token : IssuerStub.shared().hostileTokens()) {
            assertThat(api().call("GET", "/api/integrations/fathom", token, null).status()).as(token).isEqualTo(401);
        }
    }

    @Test
    void theProvidersTokensAUsersAndAScriptsAreAcceptedBesideDevTokens() {
        String org = "org-" + UUID.randomUUID();
        for (String token : new String[] {IssuerStub.shared().token("rep-" + UUID.randomUUID(), org, "member"),
                IssuerStub.shared().clientCredentialsToken(org), Tokens.token("rep-" + UUID.randomUUID(), org, "member")}) {
            // no integration saved yet: the caller is known, and has none
            assertThat(api().call("GET", "/api/integrations/fathom", token, null).status()).as(token).isEqualTo(404);
        }
    }

    /** Re-encrypting every tenant's secrets is a platform operation: no tenant role reaches it (issue 18). */
    @Test
    void reencryptionTakesTheOperatorTokenOnTheManagementPortOnly() {
        String admin = Tokens.token("a-" + UUID.randomUUID(), "org-1", "admin");

        assertThat(api().call("POST", "/api/admin/crypto/reencrypt", admin, null).status()).isEqualTo(404);
        assertThat(api().call("POST", "/actuator/reencrypt", "operator-token-of-at-least-32-characters", null)
                .status()).as("the application port serves no actuator").isEqualTo(404);
        Api.Response tenantAdmin = management().call("POST", "/actuator/reencrypt", admin, null);
        assertThat(tenantAdmin.status()).isEqualTo(401);
        assertThat(tenantAdmin.contentType()).contains("application/problem+json");
        assertThat(management().call("POST", "/actuator/reencrypt", null, null).status()).isEqualTo(401);

        Api.Response done = management().call("POST", "/actuator/reencrypt", OPERATOR_TOKEN, null);

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().path("activeKeyId").asString()).isEqualTo("t1");
        assertThat(done.json().path("failed").asInt()).isZero();
    }
}
