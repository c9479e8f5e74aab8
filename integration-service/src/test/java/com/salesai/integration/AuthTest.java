package com.salesai.integration;

import com.salesai.testsupport.HostileTokens;
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
        assertThat(api().call("POST", "/api/admin/crypto/reencrypt", null, null).status()).isEqualTo(401);
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
    void reencryptionNeedsTheAdminRole() {
        String member = Tokens.token("m-" + UUID.randomUUID(), "org-1", "member");
        String admin = Tokens.token("a-" + UUID.randomUUID(), "org-1", "admin");

        Api.Response refused = api().call("POST", "/api/admin/crypto/reencrypt", member, null);
        Api.Response done = api().call("POST", "/api/admin/crypto/reencrypt", admin, null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().path("activeKeyId").asString()).isEqualTo("t1");
        assertThat(done.json().path("failed").asInt()).isZero();
    }
}
