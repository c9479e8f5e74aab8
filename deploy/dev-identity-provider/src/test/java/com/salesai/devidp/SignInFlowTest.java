package com.salesai.devidp;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A person signs in on the login page; the pages exchange the code with their PKCE verifier. */
class SignInFlowTest extends ProviderTestBase {

    @Test
    void hugoSignsInAndTheAccessTokenCarriesWhatTheApisRead() throws Exception {
        String verifier = Browser.newVerifier();
        JsonNode tokens = browser.exchange(browser.signIn("hugo", "dev-password", verifier), verifier);

        Jwt access = verified(tokens.path("access_token").asString());
        assertThat(access.getHeaders()).containsEntry("alg", "RS256");
        assertThat(access.getIssuer()).hasToString(ISSUER);
        assertThat(access.getAudience()).containsExactly("call-intelligence");
        assertThat(access.getSubject()).isEqualTo("head-hugo");
        assertThat(access.getClaims()).containsAllEntriesOf(Map.of("org_id", "org-acme", "org_role", "head_of_sales",
                "name", "Hugo Bernard", "email", "hugo@acme-sales.test"));
        Jwt id = verified(tokens.path("id_token").asString());
        assertThat(id.getAudience()).containsExactly(Browser.WEB_CLIENT);
        assertThat(id.getSubject()).isEqualTo("head-hugo");
        assertThat(id.getClaims()).containsEntry("name", "Hugo Bernard").containsEntry("email", "hugo@acme-sales.test");
        assertThat(tokens.path("refresh_token").asString()).isNotBlank();
    }

    @Test
    void olgaIsInHerOwnOrganization() throws Exception {
        String verifier = Browser.newVerifier();
        Jwt access = verified(browser.exchange(browser.signIn("olga", "dev-password", verifier), verifier)
                .path("access_token").asString());

        assertThat(access.getClaims()).containsEntry("org_id", "org-globex").containsEntry("org_role", "head_of_sales");
    }

    @Test
    void aWrongVerifierGetsNoToken() throws Exception {
        String code = browser.signIn("alice", "dev-password", Browser.newVerifier());

        HttpResponse<String> reply = browser.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", Browser.REDIRECT_URI, "client_id", Browser.WEB_CLIENT,
                "code_verifier", Browser.newVerifier()), null);

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(reply.body()).contains("invalid_grant");
    }

    @Test
    void signingOutEndsTheSessionAndReturnsToThePages() throws Exception {
        String verifier = Browser.newVerifier();
        String idToken = browser.exchange(browser.signIn("ada", "dev-password", verifier), verifier)
                .path("id_token").asString();

        HttpResponse<String> loggedOut = browser.get(ISSUER + "/connect/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + Browser.REDIRECT_URI + "&client_id=" + Browser.WEB_CLIENT
                + "&state=bye");

        assertThat(loggedOut.statusCode()).as(loggedOut.body()).isEqualTo(302);
        assertThat(loggedOut.headers().firstValue("Location")).hasValue(Browser.REDIRECT_URI + "?state=bye");
        HttpResponse<String> again = browser.get(ISSUER + "/oauth2/authorize?response_type=code&client_id="
                + Browser.WEB_CLIENT + "&redirect_uri=" + Browser.REDIRECT_URI
                + "&scope=openid&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
        assertThat(again.headers().firstValue("Location")).as("signed out: the login page again")
                .hasValue(ISSUER + "/login");
    }

    @Test
    void theLoginPageHasTheFieldsBrowserTestsFill() throws Exception {
        String page = browser.get(ISSUER + "/login").body();

        assertThat(page).contains("Please sign in", "<label for=\"username\"", ">Username<", "name=\"username\"",
                "<label for=\"password\"", ">Password<", "name=\"password\"", ">Sign in</button>");
    }

    @Test
    void aWrongPasswordIsTurnedAway() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> browser.signIn("alice", "not-the-password", Browser.newVerifier()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("/login?error");
    }
}
