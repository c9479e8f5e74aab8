package com.salesai.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document and Swagger UI are public and describe the frontend contract; CORS is configurable. */
@DashboardIntegrationTest
class ApiContractTest {

    @LocalServerPort
    int port;

    @Test
    void openApiDocumentIsPublicAndDescribesEndpointsShapesAndBearerAuth() {
        JsonNode doc = new Api(port).getJson("/v3/api-docs", null);

        assertThat(doc.get("paths").propertyNames()).contains("/api/calls", "/api/calls/{callId}",
                "/api/calls/stream", "/api/dashboard/summary", "/api/calls/{callId}/review");
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.propertyNames()).contains("CallPage", "CallSummary", "CallDetail", "DashboardSummary",
                "CallStatusEvent");
        assertThat(schemas.get("CallSummary").get("properties").propertyNames()).contains("callId", "userId",
                "repName", "title", "startedAt", "durationSeconds", "status", "overallScore", "outcome",
                "externalInviteeCount", "source", "attribution", "team", "skipReason", "reviewFlags", "reviewed",
                "effectiveScore");
        assertThat(schemas.get("CallDetail").get("properties").propertyNames()).contains("highlights", "url",
                "reviewFlags", "skipReason", "analysis", "transcriptTruncated", "evaluation", "team", "attribution",
                "review", "effectiveScore");
        assertThat(schemas.get("CallReview").get("properties").propertyNames()).containsExactlyInAnyOrder("by", "at",
                "scores", "note", "effectiveScore");
        JsonNode review = doc.get("paths").get("/api/calls/{callId}/review").get("put");
        assertThat(review.get("responses").propertyNames()).contains("202", "400", "403", "404", "409", "503");
        assertThat(review.get("requestBody").get("content").propertyNames()).containsExactly("application/json");
        assertThat(schemas.get("DashboardSummary").get("properties").propertyNames()).contains("skippedCalls",
                "teams", "criteria", "lastReview");
        assertThat(schemas.get("RepRow").get("properties").propertyNames()).contains("team", "weakestCriterion");
        assertThat(schemas.get("WeakestCriterion").get("properties").propertyNames())
                .containsExactlyInAnyOrder("key", "label", "averageScore");
        assertThat(schemas.get("TeamRow").get("properties").propertyNames())
                .containsExactlyInAnyOrder("team", "calls", "evaluatedCalls", "averageScore", "reps");
        assertThat(schemas.get("CriterionRow").get("properties").propertyNames())
                .containsExactlyInAnyOrder("key", "label", "averageScore", "orgAverageScore");
        assertThat(schemas.get("LastReview").get("properties").propertyNames())
                .containsExactlyInAnyOrder("callId", "title", "by", "at", "note");
        assertThat(schemas.get("Evidence").get("properties").propertyNames()).contains("quote", "timestamp",
                "verified", "segmentIndex");
        assertThat(schemas.get("CriterionScore").get("properties").propertyNames()).contains("criterion", "label",
                "weight", "score", "supported", "evidence");
        assertThat(schemas.get("Evaluation").get("properties").propertyNames()).contains("scorecard",
                "quotesVerified", "quotesTotal");
        assertThat(doc.get("components").get("securitySchemes").get("bearerJwt").get("scheme").asString())
                .isEqualTo("bearer");
        assertThat(doc.get("security").get(0).has("bearerJwt")).isTrue();
        JsonNode list = doc.get("paths").get("/api/calls").get("get");
        assertThat(list.get("responses").propertyNames()).contains("200", "400");
        assertThat(list.get("parameters").findValuesAsString("name")).contains("status", "userId", "outcome",
                "from", "to", "minScore", "q", "attribution", "team", "reviewFlag", "sort", "page", "size")
                .doesNotContain("params");
        JsonNode export = doc.get("paths").get("/api/calls/export").get("get");
        assertThat(export.get("responses").get("200").get("content").propertyNames()).containsExactly("text/csv");
        assertThat(export.get("parameters").findValuesAsString("name")).contains("status", "userId", "from", "to",
                "team", "sort").doesNotContain("params", "page", "size");
        assertThat(doc.get("paths").get("/api/dashboard/summary").get("get").get("parameters")
                .findValuesAsString("name")).contains("from", "to", "team");
    }

    @Test
    void swaggerUiIsPublic() {
        int status = new Api(port).get("/swagger-ui.html", null).statusCode();
        assertThat(status).isIn(200, 302);
    }

    @Test
    void webPagesArePublicButTheDataBehindThemIsNot() {
        Api api = new Api(port);

        var index = api.get("/", null);
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<html");
        assertThat(api.get("/js/app.js", null).statusCode()).isEqualTo(200);
        assertThat(api.get("/css/app.css", null).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/calls", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/dashboard/summary", null).statusCode()).isEqualTo(401);
    }

    @Test
    void thePagesRunOnlyTheirOwnScriptsAndStylesAndCallOnlyTheApis() {
        Api api = new Api(port);

        String policy = api.get("/", null).headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "connect-src 'self' http://localhost:8082", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(api.get("/index.html", null).headers().firstValue("Content-Security-Policy")).contains(policy);
    }

    @Test
    void corsPreflightAllowsConfiguredOriginOnly() throws Exception {
        assertThat(preflight("http://localhost:5173").headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://localhost:5173");
        assertThat(preflight("https://evil.test").statusCode()).isEqualTo(403);
    }

    @Test
    void corsPreflightAllowsTheReviewsPut() throws Exception {
        var response = preflight("http://localhost:5173", "PUT", "/api/calls/c1/review");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(methods ->
                assertThat(methods).contains("PUT"));
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return preflight(origin, "GET", "/api/calls");
    }

    private HttpResponse<String> preflight(String origin, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization").build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
