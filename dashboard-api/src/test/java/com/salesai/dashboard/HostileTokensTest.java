package com.salesai.dashboard;

import com.salesai.testsupport.HostileTokens;
import com.salesai.testsupport.IssuerStub;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unsigned, foreign-key, expired and org-less tokens get 401 on every data endpoint, the stream included, whether
 * they pose as dev tokens or as the identity provider's; the provider's good tokens and dev tokens both pass.
 */
@DashboardIntegrationTest
class HostileTokensTest {
    private static final List<String> PATHS = List.of("/api/calls", "/api/calls/any-call", "/api/dashboard/summary",
            "/api/calls/stream");

    @LocalServerPort
    int port;

    @Test
    void everyDataEndpointRefusesThem() {
        Api api = new Api(port);
        for (String token : HostileTokens.all(Tokens.SECRET)) {
            for (String path : PATHS) {
                assertThat(api.get(path, token).statusCode()).as(path + " with " + token).isEqualTo(401);
            }
        }
    }

    @Test
    void everyDataEndpointRefusesTheProvidersTokensForAnotherAudienceExpiredOrForged() {
        Api api = new Api(port);
        for (String token : IssuerStub.shared().hostileTokens()) {
            for (String path : PATHS) {
                assertThat(api.get(path, token).statusCode()).as(path + " with " + token).isEqualTo(401);
            }
        }
    }

    @Test
    void theProvidersTokensAndDevTokensAreBothAccepted() {
        Api api = new Api(port);
        String org = "org-" + UUID.randomUUID();
        List<String> good = List.of(IssuerStub.shared().token("head-" + UUID.randomUUID(), org, "head_of_sales"),
                IssuerStub.shared().clientCredentialsToken(org),
                Tokens.token("head-" + UUID.randomUUID(), org, "head_of_sales"));
        for (String token : good) {
            assertThat(api.get("/api/calls", token).statusCode()).as(token).isEqualTo(200);
            assertThat(api.get("/api/dashboard/summary", token).statusCode()).as(token).isEqualTo(200);
        }
    }
}
