package com.salesai.devidp;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryTest extends ProviderTestBase {

    @Test
    void discoveryNamesTheIssuerAndTheEndpointsThePagesUse() throws Exception {
        HttpResponse<String> reply = browser.get(ISSUER + "/.well-known/openid-configuration", "http://localhost:8080");

        assertThat(reply.statusCode()).isEqualTo(200);
        JsonNode discovery = Browser.json(reply);
        assertThat(discovery.path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.path("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.path("revocation_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/revoke");
        assertThat(discovery.path("end_session_endpoint").asString()).isEqualTo(ISSUER + "/connect/logout");
        assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("S256");
        assertThat(discovery.path("token_endpoint_auth_methods_supported").toString()).contains("\"none\"");
        assertThat(discovery.path("revocation_endpoint_auth_methods_supported").toString()).contains("\"none\"");
        assertThat(reply.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
    }

    @Test
    void thePagesOriginsMayReadTheKeysAndOthersMayNot() throws Exception {
        HttpResponse<String> fromPages = browser.get(ISSUER + "/oauth2/jwks", "http://127.0.0.1:8080");
        HttpResponse<String> fromElsewhere = browser.get(ISSUER + "/oauth2/jwks", "https://evil.example");

        assertThat(fromPages.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1:8080");
        assertThat(Browser.json(fromPages).path("keys").get(0).path("alg").asString()).isEqualTo("RS256");
        assertThat(fromElsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
