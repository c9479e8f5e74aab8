package com.salesai.integration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/** WireMock stubs playing Fathom for one API key: current-format meetings, pages of 10 unless told otherwise. */
public final class FathomStub {
    public static final String MEETINGS = "/external/v1/meetings";
    public static final String WEBHOOKS = "/external/v1/webhooks";
    public static final int PAGE_SIZE = 10;

    private FathomStub() {
    }

    public static void meetings(WireMockServer fathom, String apiKey, int meetings) {
        meetings(fathom, apiKey, meetings, PAGE_SIZE, null);
    }

    /** @param transformer a WireMock response transformer for every page (e.g. {@link FathomRateLimits}), or null */
    public static void meetings(WireMockServer fathom, String apiKey, int meetings, int pageSize, String transformer) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < meetings; i++) {
            items.add(meetingJson(recordingIdOf(apiKey, i), i, "alice@acme.com", "2025-03-04T10:50:00Z"));
        }
        pages(fathom, apiKey, items, pageSize, transformer);
    }

    /** Pages of the given meeting objects, by cursor {@code p1}, {@code p2}... */
    public static void pages(WireMockServer fathom, String apiKey, List<String> meetings, int pageSize,
                             String transformer) {
        for (int from = 0, page = 0; from < meetings.size() || page == 0; from += pageSize, page++) {
            int to = Math.min(from + pageSize, meetings.size());
            String next = to < meetings.size() ? "\"p" + (page + 1) + "\"" : "null";
            String body = "{\"items\":[" + String.join(",", meetings.subList(from, to)) + "],\"next_cursor\":" + next
                    + ",\"limit\":" + pageSize + "}";
            ResponseDefinitionBuilder response = okJson(body);
            if (transformer != null) {
                response.withTransformers(transformer);
            }
            fathom.stubFor(get(urlPathEqualTo(MEETINGS)).withHeader("X-Api-Key", equalTo(apiKey))
                    .withQueryParam("cursor", page == 0 ? absent() : equalTo("p" + page))
                    .willReturn(response));
        }
    }

    public static long recordingIdOf(String apiKey, int index) {
        return 900_000L + Math.abs(apiKey.hashCode() % 1000) * 1000L + index;
    }

    public static void webhookCreated(WireMockServer fathom, String apiKey, String id, String secret) {
        fathom.stubFor(post(urlPathEqualTo(WEBHOOKS)).withHeader("X-Api-Key", equalTo(apiKey))
                .willReturn(okJson("{\"id\":\"" + id + "\",\"url\":\"https://hooks.example.test\",\"secret\":\""
                        + secret + "\",\"created_at\":\"2025-03-04T10:00:00Z\"}")));
        fathom.stubFor(delete(urlPathMatching(WEBHOOKS + "/.*")).willReturn(aResponse().withStatus(204)));
    }

    /** A current-format meeting (what {@code GET /meetings} lists with content) recorded by {@code recorderEmail}. */
    public static String meetingJson(long recordingId, int index, String recorderEmail, String createdAt) {
        return """
                    {"title":"Acme x Client %1$d - Discovery","meeting_title":"Discovery %1$d",
                     "recording_id":%2$d,"url":"https://fathom.video/calls/c%2$d",
                     "share_url":"https://fathom.video/share/s%2$d","created_at":"%4$s",
                     "scheduled_start_time":"2025-03-04T10:00:00Z","scheduled_end_time":"2025-03-04T10:45:00Z",
                     "recording_start_time":"2025-03-04T10:01:00Z","recording_end_time":"2025-03-04T10:46:00Z",
                     "transcript_language":"fr",
                     "calendar_invitees":[{"name":"Alice Martin","email":"alice@acme.com","is_external":false},
                                          {"name":"Claire Dubois","email":"claire@globex.fr","is_external":true}],
                     "recorded_by":{"name":"Recorder %1$d","email":"%3$s","email_domain":"acme.com"},
                     "transcript":[
                      {"speaker":{"display_name":"Alice Martin","matched_calendar_invitee_email":"alice@acme.com"},
                       "text":"Bonjour Claire, quels sont vos enjeux ?","timestamp":"00:00:05"},
                      {"speaker":{"display_name":"Claire Dubois","matched_calendar_invitee_email":"claire@globex.fr"},
                       "text":"Le prix nous inquiète un peu.","timestamp":"00:00:20"}],
                     "default_summary":{"markdown_formatted":"## Résumé %1$d"},
                     "action_items":[{"description":"Envoyer la proposition","completed":false,
                       "recording_timestamp":"00:00:30","assignee":{"name":"Alice Martin","email":"alice@acme.com"}}]}
                """.formatted(index, recordingId, recorderEmail, createdAt);
    }
}
