package com.salesai.analysis.settings;

import com.nimbusds.jwt.JWTClaimsSet;
import com.salesai.analysis.AnalysisServiceTest;
import com.salesai.schema.events.EventJson;
import com.salesai.testsupport.HostileTokens;
import com.salesai.testsupport.Hs256;
import com.salesai.testsupport.IssuerStub;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET/PUT /api/analysis/settings and the presets, over HTTP with dev tokens and the identity provider's (the local
 * stack's configuration: both accepted).
 */
@AnalysisServiceTest
class SettingsApiTest {
    static final String SECRET = AnalysisServiceTest.DEV_SECRET;
    private static final String MEDDIC = """
            {"language":"en","scorecard":{"name":"meddic","version":0,"criteria":[]},
             "analyzeInternalMeetings":true,"dailyTokenBudget":500000}""";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aHeadOfSalesSwitchesToMeddicAndTheOrgsMembersReadItWhileAnotherOrgKeepsTheDefault() throws Exception {
        var put = send("PUT", "/api/analysis/settings", token("hugo", "org-api-a", "head_of_sales"), MEDDIC);
        assertThat(put.statusCode()).isEqualTo(200);

        JsonNode read = json(send("GET", "/api/analysis/settings", token("alice", "org-api-a", "member"), null));
        assertThat(read.path("scorecard").path("name").asString()).isEqualTo("meddic");
        assertThat(read.path("scorecard").path("version").asInt()).isEqualTo(2);
        assertThat(read.path("scorecard").path("criteria")).hasSize(6);
        assertThat(read.path("language").asString()).isEqualTo("en");
        assertThat(read.path("analyzeInternalMeetings").asBoolean()).isTrue();

        JsonNode other = json(send("GET", "/api/analysis/settings", token("zoe", "org-api-b", "admin"), null));
        assertThat(other.path("scorecard").path("name").asString()).isEqualTo("default");
        assertThat(other.path("scorecard").path("version").asInt()).isEqualTo(1);
    }

    /** The pages send the scorecard without a version (the service assigns it) and no budget as null. */
    @Test
    void thePagesBodyWithoutAVersionIsAccepted() throws Exception {
        var put = send("PUT", "/api/analysis/settings", token("hugo", "org-api-g", "head_of_sales"), """
                {"language":"fr","scorecard":{"name":"mine","criteria":[
                 {"key":"a","label":"A","description":"","weight":1},{"key":"b","label":"B","description":"","weight":2},
                 {"key":"c","label":"C","description":"","weight":1}]},
                 "analyzeInternalMeetings":false,"dailyTokenBudget":null}""");

        assertThat(json(put).path("scorecard").path("version").asInt()).isEqualTo(2);
    }

    @Test
    void anUnreadableBodyIsAProblem() throws Exception {
        var put = send("PUT", "/api/analysis/settings", token("hugo", "org-api-h", "head_of_sales"), "{\"language\":");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aMemberMayNotChangeTheSettings() throws Exception {
        var put = send("PUT", "/api/analysis/settings", token("bob", "org-api-c", "member"), MEDDIC);
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(json(send("GET", "/api/analysis/settings", token("bob", "org-api-c", "member"), null))
                .path("scorecard").path("name").asString()).isEqualTo("default");
    }

    @Test
    void refusedFieldsAreEachNamedInAProblem() throws Exception {
        var put = send("PUT", "/api/analysis/settings", token("hugo", "org-api-d", "admin"), """
                {"language":"xx","scorecard":{"name":"mine","version":1,"criteria":[
                 {"key":"Bad Key","label":"A","description":"","weight":1},
                 {"key":"b","label":"B","description":"","weight":0}]},
                 "analyzeInternalMeetings":false,"dailyTokenBudget":-1}""");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        List<String> fields = new ArrayList<>();
        EventJson.mapper().readTree(put.body()).path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).contains("language", "scorecard.criteria", "scorecard.criteria[0].key",
                "scorecard.criteria[1].weight", "dailyTokenBudget");
    }

    @Test
    void thePresetsAreTheFourOfTheDesign() throws Exception {
        JsonNode presets = json(send("GET", "/api/analysis/scorecard-presets?language=en",
                token("alice", "org-api-e", "member"), null));
        List<String> names = new ArrayList<>();
        presets.forEach(preset -> names.add(preset.path("name").asString()));
        assertThat(names).containsExactly("default", "meddic", "spin", "bant");
        assertThat(presets.get(1).path("criteria").get(1).path("key").asString()).isEqualTo("economic_buyer");
    }

    @Test
    void withoutATokenTheSettingsAreRefused() throws Exception {
        assertThat(send("GET", "/api/analysis/settings", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void hostileTokensAreRefusedAndTheProvidersGoodOnesAccepted() throws Exception {
        List<String> hostile = new ArrayList<>(HostileTokens.all(SECRET));
        hostile.addAll(IssuerStub.shared().hostileTokens());
        for (String token : hostile) {
            for (String path : List.of("/api/analysis/settings", "/api/analysis/scorecard-presets")) {
                assertThat(send("GET", path, token, null).statusCode()).as(path + " with " + token).isEqualTo(401);
            }
        }
        String good = IssuerStub.shared().token("hugo", "org-api-f", "head_of_sales");
        assertThat(json(send("GET", "/api/analysis/settings", good, null)).path("scorecard").path("name")
                .asString()).isEqualTo("default");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EventJson.mapper().readTree(response.body());
    }

    private static String token(String userId, String orgId, String role) {
        return Hs256.sign(SECRET, new JWTClaimsSet.Builder().subject(userId).claim("org_id", orgId)
                .claim("org_role", role).expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
    }
}
