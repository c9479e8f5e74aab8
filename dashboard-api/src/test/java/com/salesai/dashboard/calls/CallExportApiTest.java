package com.salesai.dashboard.calls;

import com.salesai.dashboard.Api;
import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.dashboard.Tokens;
import com.salesai.dashboard.projection.CallProjection;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.Evaluation;
import com.salesai.schema.events.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/calls/export}: the filtered list as CSV, row for row and value for value. */
@DashboardIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallExportApiTest {

    static final String ORG = "org-export";
    static final String CROWDED_ORG = "org-export-crowded";
    static final Instant T0 = Instant.parse("2026-10-05T09:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    CallProjection projection;

    Api api;
    final String head = Tokens.token("boss", ORG, "head_of_sales");
    final String alice = Tokens.token("alice", ORG, "member");

    @BeforeAll
    void seed() {
        api = new Api(port);
        // alice "Martin, Alice \"Ace\"": e1 (80 won, discovery 4 next_steps 2), e2 (40 lost, title "=HYPERLINK(...)")
        // bob (a name over two lines, team Enterprise): e3 (60 advanced, discovery 3 objection_handling 5), e4 pending
        // another org: x1, which no one here may export
        record("e1", "alice", "Martin, Alice \"Ace\"", "Discovery, Globex", 0, null);
        projection.on(scored(TestEvents.analyzed("e1", ORG, "alice", 80, Outcome.WON, 0.5, T0.plusSeconds(9_000)),
                Map.of("discovery", 4, "next_steps", 2)));
        record("e2", "alice", "Martin, Alice \"Ace\"", "=HYPERLINK(\"http://evil.test\",\"x\")", 1, null);
        projection.on(TestEvents.flagged(TestEvents.analyzed("e2", ORG, "alice", 40, Outcome.LOST, 0.7,
                T0.plusSeconds(99_000)), "possible_prompt_injection", "transcript_truncated"));
        record("e3", "bob", "Bob\r\nDurand", "Suivi \"Umbrella\"", 2, "Enterprise");
        projection.on(scored(TestEvents.analyzed("e3", ORG, "bob", 60, Outcome.ADVANCED, 0.6, T0.plusSeconds(199_000)),
                Map.of("discovery", 3, "objection_handling", 5)));
        record("e4", "bob", "Bob\r\nDurand", "-1 Démo", 3, "Enterprise");
        projection.on(TestEvents.recorded("x1", "org-other-export", "xavier", "Xavier", "Discovery Globex", T0));
        projection.on(TestEvents.analyzed("x1", "org-other-export", "xavier", 99, Outcome.WON, 0.5, T0));
        for (int i = 0; i < DashboardIntegrationTest.EXPORT_MAX_ROWS + 1; i++) {
            String userId = i == 0 ? "carol" : "dave";
            projection.on(TestEvents.recorded("c" + i, CROWDED_ORG, userId, userId, "Call " + i,
                    T0.plusSeconds(i * 3_600L)));
        }
    }

    private void record(String callId, String userId, String name, String title, int day, String team) {
        projection.on(TestEvents.recorded(callId, ORG, userId, name, title, T0.plusSeconds(day * 86_400L), team,
                Attribution.RECORDER));
    }

    /** The analysis with one score per given criterion (and no evidence). */
    private static CallAnalyzed scored(CallAnalyzed a, Map<String, Integer> scores) {
        List<Evaluation.CriterionScore> criteria = new ArrayList<>();
        for (String criterion : TestEvents.DEFAULT_CRITERIA) {
            if (scores.containsKey(criterion)) {
                criteria.add(new Evaluation.CriterionScore(criterion, criterion.toUpperCase(Locale.ROOT), 1.0, scores.get(criterion),
                        true, List.of()));
            }
        }
        Evaluation e = a.evaluation();
        Evaluation evaluation = new Evaluation(criteria, e.overallScore(), e.outcome(), e.summary(), e.strengths(),
                e.improvements(), e.nextSteps(), e.risks(), e.coaching(), e.language(), e.scorecard(), 0, 0);
        return new CallAnalyzed(a.schemaVersion(), a.eventId(), a.occurredAt(), a.callId(), a.orgId(), a.userId(),
                a.mode(), a.metrics(), evaluation, a.model(), a.promptVersion(), a.tokenUsage(), a.estimatedCostUsd(),
                a.chunked(), a.analyzedAt(), a.skipReason(), a.reviewFlags(), a.transcriptTruncated(),
                a.llmRequests());
    }

    @Test
    void isAnAttachedUtf8CsvNamedAfterThePeriod() {
        HttpResponse<String> response = api.get("/api/calls/export?from=2026-10-01&to=2026-10-31", head);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.toLowerCase().replace(" ", "")).isEqualTo("text/csv;charset=utf-8"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"calls-2026-10-01-2026-10-31.csv\"");
        assertThat(response.body()).startsWith("\uFEFFcallId,startedAt,repName,");
        assertThat(api.get("/api/calls/export", head).headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"calls-start-now.csv\"");
    }

    @Test
    void headerHasTheListFieldsThenOneColumnPerCriterionOfTheExportedCalls() {
        List<List<String>> rows = csv(api.get("/api/calls/export", head).body());

        assertThat(rows.get(0)).containsExactly("callId", "startedAt", "repName", "userId", "team", "title",
                "durationSeconds", "status", "overallScore", "effectiveScore", "outcome", "externalInviteeCount",
                "source", "attribution", "skipReason", "reviewFlags", "reviewed",
                // the newest scored call's criteria in its scorecard's order, then the older ones'
                "score_discovery", "score_objection_handling", "score_next_steps");
        Map<String, List<String>> byId = byCallId(rows);
        assertThat(byId.get("e3").subList(17, 20)).containsExactly("3", "5", "");
        assertThat(byId.get("e1").subList(17, 20)).containsExactly("4", "", "2");
        assertThat(byId.get("e2").subList(17, 20)).containsExactly("4", "", "");
        assertThat(byId.get("e4").subList(17, 20)).containsExactly("", "", "");

        assertThat(csv(api.get("/api/calls/export?userId=alice", head).body()).get(0))
                .endsWith("reviewed", "score_discovery", "score_next_steps");
        assertThat(csv(api.get("/api/calls/export?status=pending", head).body()).get(0)).last()
                .isEqualTo("reviewed");
    }

    @Test
    void rowsAreTheFilteredListInItsOrderValueForValue() {
        for (String filters : List.of("", "status=evaluated", "userId=bob", "from=2026-10-06&to=2026-10-07",
                "sort=overallScore,asc", "sort=effectiveScore,desc", "q=umbrella", "team=Enterprise",
                "minScore=50&sort=startedAt,asc",
                "reviewFlag=possible_prompt_injection", "outcome=won")) {
            JsonNode list = api.getJson("/api/calls?size=100&" + filters, head);
            List<List<String>> rows = csv(api.get("/api/calls/export?page=3&size=1&" + filters, head).body());

            assertThat(rows).as(filters).hasSize(list.get("totalItems").asInt() + 1);
            for (int i = 0; i < list.get("items").size(); i++) {
                JsonNode item = list.get("items").get(i);
                List<String> row = rows.get(i + 1);
                List<String> expected = new ArrayList<>();
                for (String column : CallExport.COLUMNS) {
                    JsonNode value = item.get(column);
                    expected.add(value.isNull() ? "" : value.isArray() ? String.join(" ",
                            value.valueStream().map(JsonNode::asString).toList()) : neutralized(value.asString()));
                }
                assertThat(row.subList(0, CallExport.COLUMNS.size())).as(filters + " row " + i).isEqualTo(expected);
            }
        }
    }

    @Test
    void namesWithCommasQuotesAndNewlinesSurviveAndFormulasAreNeutralized() {
        String body = api.get("/api/calls/export", head).body();
        Map<String, List<String>> byId = byCallId(csv(body));

        assertThat(body).contains("\"Martin, Alice \"\"Ace\"\"\"", "\"Bob\r\nDurand\"", "\"Discovery, Globex\"");
        assertThat(byId.get("e1").get(2)).isEqualTo("Martin, Alice \"Ace\"");
        assertThat(byId.get("e3").get(2)).isEqualTo("Bob\r\nDurand");
        assertThat(byId.get("e3").get(5)).isEqualTo("Suivi \"Umbrella\"");
        assertThat(byId.get("e2").get(5)).isEqualTo("'=HYPERLINK(\"http://evil.test\",\"x\")");
        assertThat(byId.get("e4").get(5)).isEqualTo("'-1 Démo");
        assertThat(byId.get("e2").get(15)).isEqualTo("possible_prompt_injection transcript_truncated");
        assertThat(byId.get("e3").get(4)).isEqualTo("Enterprise");
        assertThat(byId.get("e1").get(1)).isEqualTo("2026-10-05T09:00:00Z");
    }

    @Test
    void aMemberExportsOnlyTheirOwnCallsAndNoOneAnotherOrgs() {
        assertThat(byCallId(csv(api.get("/api/calls/export", alice).body())).keySet()).containsExactly("e2", "e1");
        assertThat(csv(api.get("/api/calls/export?userId=bob", alice).body())).hasSize(1);
        assertThat(byCallId(csv(api.get("/api/calls/export", head).body())).keySet())
                .containsExactly("e4", "e3", "e2", "e1");
        assertThat(api.get("/api/calls/export?q=Globex", head).body()).doesNotContain("x1");
        assertThat(api.get("/api/calls/export", null).statusCode()).isEqualTo(401);
    }

    @Test
    void tooManyCallsIsAProblemAskingToNarrowTheFilters() {
        String crowdedHead = Tokens.token("boss", CROWDED_ORG, "admin");

        HttpResponse<String> response = api.get("/api/calls/export", crowdedHead);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Api.json(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:problem:export-too-large");
        assertThat(problem.get("detail").asString()).contains("Narrow the filters");
        assertThat(problem.get("matchingCalls").asInt()).isEqualTo(DashboardIntegrationTest.EXPORT_MAX_ROWS + 1);
        assertThat(problem.get("maxRows").asInt()).isEqualTo(DashboardIntegrationTest.EXPORT_MAX_ROWS);

        assertThat(csv(api.get("/api/calls/export?userId=dave", crowdedHead).body()))
                .hasSize(DashboardIntegrationTest.EXPORT_MAX_ROWS + 1);
    }

    @Test
    void badFiltersAreTheListsProblems() {
        HttpResponse<String> response = api.get("/api/calls/export?status=done", head);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Api.json(response.body()).get("parameter").asString()).isEqualTo("status");
    }

    private static String neutralized(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static Map<String, List<String>> byCallId(List<List<String>> rows) {
        Map<String, List<String>> byId = new LinkedHashMap<>();
        rows.subList(1, rows.size()).forEach(row -> byId.put(row.get(0), row));
        return byId;
    }

    /** An RFC 4180 reader: quoted cells may hold commas, doubled quotes and line breaks; lines end with CRLF. */
    static List<List<String>> csv(String body) {
        assertThat(body).startsWith("\uFEFF").endsWith("\r\n");
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && body.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        int width = rows.get(0).size();
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(width));
        return rows;
    }
}
