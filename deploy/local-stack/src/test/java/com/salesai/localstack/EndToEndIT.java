package com.salesai.localstack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.salesai.localstack.StackClient.await;
import static com.salesai.localstack.StackClient.delete;
import static com.salesai.localstack.StackClient.get;
import static com.salesai.localstack.StackClient.post;
import static com.salesai.localstack.StackClient.put;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system, as separate processes over real HTTP and Kafka: a rep connects Fathom (the emulator), the
 * emulator and a relay deliver one webhook in each payload format, the fake OpenAI evaluates, the dashboard shows
 * every call evaluated; a historical import adds 50 calls without doubling the one a webhook already delivered;
 * scoping holds for a member, a head of sales and another organization; an erased call is gone from every view,
 * every database and (as tombstones) the compacted topics, and no delivery, import or sync brings it back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.Resolver.class)
@Order(1) // first on the shared stack: its counts of Alice's calls and of OpenAI evaluations start from none
class EndToEndIT {
    private static final String EMULATOR_KEY = "emulator-api-key";
    private static final String BOB_KEY = "emulator-api-key-2";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String SYNC_INTERVAL = SharedStack.SYNC_INTERVAL;

    static FakeOpenAi openAi;
    static Stack stack;
    static String alice;
    static String bob;
    static String head;
    static String stranger;

    @BeforeAll
    static void mintTokens(SharedStack shared) {
        openAi = shared.openAi();
        stack = shared.stack();
        String secret = stack.secrets().devSecret();
        Duration hour = Duration.ofHours(1);
        alice = DevTokens.mint(secret, "rep-alice", "org-acme", "member", "Alice Martin", "alice@acme-sales.test", hour);
        bob = DevTokens.mint(secret, "rep-bob", "org-acme", "member", "Bob Durand", "bob@acme-sales.test", hour);
        head = DevTokens.mint(secret, "head-hugo", "org-acme", "head_of_sales", "Hugo", "hugo@acme-sales.test", hour);
        stranger = DevTokens.mint(secret, "head-zoe", "org-other", "head_of_sales", "Zoé", "zoe@other.test", hour);
    }

    @Test
    @Order(1)
    void everyPayloadFormatEndsEvaluatedOnTheDashboard() {
        var saved = put(url(StackService.INTEGRATION, "/api/integrations/fathom"), alice,
                "{\"apiKey\":\"" + EMULATOR_KEY + "\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain("whsec_");

        // The ingest learns the secret from fathom.integrations; until then a delivery gets a 404 and is dropped
        // by the sender, so the first (legacy-format) delivery is retried until it is accepted.
        String legacyFlat = """
                [{"fathom_user_emaill":"alice@acme-sales.test","meeting_title":"Legacy flat call",\
                "transcript_plaintext":"Alice Martin: Bonjour, quels sont vos défis ?\\nClaire Client: La prospection.",\
                "recording_duration_in_minutes":"45.5"}]""";
        await(() -> post(url(StackService.FATHOM_EMULATOR, "/emulator/deliveries"), null, legacyFlat),
                reply -> reply.status() == 200 && deliveredStatus(reply) == 202, WAIT);
        var recorded = post(url(StackService.FATHOM_EMULATOR, "/emulator/recordings"), null, "{}");
        assertThat(deliveredStatus(recorded)).as(recorded.body()).isEqualTo(202);
        String nested = """
                {"id":"e2e-nested-%s","fathom_user":{"email":"alice@acme-sales.test","name":"Alice Martin"},\
                "meeting":{"title":"Nested call %s","scheduled_start_time":"2025-01-23T10:00:00Z"},\
                "recording":{"duration_in_minutes":30,"share_url":"https://fathom.video/share/e2e"},\
                "transcript":{"plaintext":"Alice Martin: Quel est votre budget ?\\nClaire Client: Environ 20 000 euros."}}""";
        relay("[" + nested.formatted("1", "1") + "]");
        relay("{\"data\":" + quote(nested.formatted("2", "2")) + "}");

        JsonNode list = await(() -> get(url(StackService.DASHBOARD, "/api/calls?status=evaluated&size=100"), alice),
                reply -> reply.status() == 200 && reply.json().path("totalItems").asInt() >= 4, WAIT).json();
        assertThat(list.path("totalItems").asInt()).isEqualTo(4);
        for (JsonNode call : list.path("items")) {
            assertThat(call.path("overallScore").asInt()).isBetween(0, 100);
            assertThat(call.path("outcome").asString()).isNotBlank();
        }
        JsonNode detail = get(url(StackService.DASHBOARD, "/api/calls/" + list.path("items").get(0).path("callId")
                .asString()), alice).json();
        assertThat(detail.path("evaluation").path("scores")).hasSize(5);
        // The fake coach quotes real transcript lines: each quote is found, so every criterion is supported.
        assertThat(detail.path("evaluation").path("quotesVerified").asInt()).isPositive()
                .isEqualTo(detail.path("evaluation").path("quotesTotal").asInt());
        assertThat(detail.path("evaluation").path("scores").findValuesAsString("supported")).doesNotContain("false");
        assertThat(detail.path("evaluation").path("language").asString()).isEqualTo("fr");
    }

    @Test
    @Order(2)
    void historicalImportAddsFiftyCallsAndNeverTwiceWhatAWebhookDelivered() {
        var delivered = post(url(StackService.FATHOM_EMULATOR, "/emulator/recordings"), null, "{\"seedIndex\":0}");
        assertThat(deliveredStatus(delivered)).isEqualTo(202);
        await(() -> get(url(StackService.DASHBOARD, "/api/calls?status=evaluated&size=100"), alice),
                reply -> reply.json().path("totalItems").asInt() == 5, WAIT);
        assertThat(openAi.evaluations()).isEqualTo(5);

        var job = post(url(StackService.INTEGRATION, "/api/integrations/fathom/import"), alice, "{\"maxMeetings\":50}");
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        String jobId = job.json().path("jobId").asString();
        JsonNode finished = await(() -> get(url(StackService.INTEGRATION, "/api/integrations/fathom/import/" + jobId),
                alice), reply -> reply.json() != null && reply.json().path("status").asString().matches(
                "(?i)completed|succeeded|failed"), WAIT).json();
        assertThat(finished.path("requested").asInt()).isEqualTo(50);
        assertThat(finished.path("failed").asInt()).isZero();

        // The import's 50 newest meetings include the two the emulator already delivered by webhook (the new
        // recording and seed 0): 3 legacy-format calls + 50 imported meetings, each analyzed once.
        JsonNode all = await(() -> get(url(StackService.DASHBOARD, "/api/calls?status=evaluated&size=100"), alice),
                reply -> reply.json().path("totalItems").asInt() >= 53, WAIT).json();
        assertThat(all.path("totalItems").asInt()).isEqualTo(53);
        Set<String> ids = new HashSet<>();
        all.path("items").forEach(item -> ids.add(item.path("callId").asString()));
        assertThat(ids).hasSize(53);
        assertThat(all.findValuesAsString("source")).contains("import", "webhook");
        assertThat(openAi.evaluations()).as("one LLM evaluation per distinct call").isEqualTo(53);
    }

    @Test
    @Order(3)
    void membersSeeTheirOwnCallsHeadsTheirOrganizationAndNobodyAnotherOrganization() {
        JsonNode aliceCalls = get(url(StackService.DASHBOARD, "/api/calls?size=1"), alice).json();
        String aliceCall = aliceCalls.path("items").get(0).path("callId").asString();

        assertThat(get(url(StackService.DASHBOARD, "/api/calls"), bob).json().path("totalItems").asInt()).isZero();
        assertThat(get(url(StackService.DASHBOARD, "/api/calls/" + aliceCall), bob).status()).isEqualTo(404);
        assertThat(get(url(StackService.DASHBOARD, "/api/calls"), head).json().path("totalItems").asInt())
                .isEqualTo(aliceCalls.path("totalItems").asInt());
        assertThat(get(url(StackService.DASHBOARD, "/api/calls/" + aliceCall), head).status()).isEqualTo(200);
        assertThat(get(url(StackService.DASHBOARD, "/api/calls"), stranger).json().path("totalItems").asInt())
                .isZero();
        assertThat(get(url(StackService.DASHBOARD, "/api/calls/" + aliceCall), stranger).status()).isEqualTo(404);
        assertThat(get(url(StackService.DASHBOARD, "/api/calls"), null).status()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void aRecordingSharedBetweenTwoMembersIsOneCallCreditedToItsRecorder() {
        var saved = put(url(StackService.INTEGRATION, "/api/integrations/fathom"), bob, "{\"apiKey\":\"" + BOB_KEY + "\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        // until the ingest has learnt Bob's secret his URL answers 404; a probe is quarantined (422) once it has
        await(() -> post(url(StackService.FATHOM_EMULATOR, "/emulator/deliveries"), null, "{\"hello\":\"probe\"}"),
                reply -> statusAt(reply, "rep-bob") == 422, WAIT);
        int evaluationsBefore = openAi.evaluations();

        var recorded = post(url(StackService.FATHOM_EMULATOR, "/emulator/recordings"), null, """
                {"title":"E2E recorded by Bob, shared with Alice","recordedBy":"bob@acme-sales.test",\
                "sharedWith":["alice@acme-sales.test"]}""");
        assertThat(List.of(statusAt(recorded, "rep-bob"), statusAt(recorded, "rep-alice")))
                .as("one delivery accepted, the other recognized as the same call").containsExactlyInAnyOrder(202, 200);
        var job = post(url(StackService.INTEGRATION, "/api/integrations/fathom/import"), bob, "{\"maxMeetings\":50}");
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        JsonNode finished = awaitImport(bob, job.json().path("jobId").asString());
        assertThat(finished.path("failed").asInt()).isZero();

        JsonNode calls = await(() -> get(url(StackService.DASHBOARD,
                        "/api/calls?size=100&q=" + encode("E2E recorded by Bob")), head),
                reply -> reply.json().path("items").findValuesAsString("status").contains("evaluated"), WAIT).json();
        assertThat(calls.path("totalItems").asInt()).as("one call in the org").isOne();
        JsonNode call = calls.path("items").get(0);
        assertThat(call.path("userId").asString()).isEqualTo("rep-bob");
        assertThat(call.path("attribution").asString()).isEqualTo("recorder");
        // Bob's key sees four seeded meetings of his besides the shared one: five calls, five evaluations in all
        await(() -> get(url(StackService.DASHBOARD, "/api/calls?status=evaluated&size=100"), bob),
                reply -> reply.json().path("totalItems").asInt() == 5, WAIT);
        assertThat(evaluationsFor("E2E recorded by Bob")).as("one LLM request for the shared recording").isOne();
        assertThat(openAi.evaluations() - evaluationsBefore).isEqualTo(5);
    }

    @Test
    @Order(5)
    void recordingsThatAreNotTheOrgsSalesCallsAreSkippedWithTheirReasonAndCostNoLlmRequest() {
        int evaluationsBefore = openAi.evaluations();
        record("{\"title\":\"E2E skip outsider\",\"recordedBy\":{\"name\":\"Morgan Lee\","
                + "\"email\":\"partner@other-company.test\"},\"sharedWith\":[\"alice@acme-sales.test\"]}");
        record("{\"title\":\"E2E skip no transcript\",\"transcript\":null}");
        record("{\"title\":\"E2E skip internal\",\"internal\":true}");

        JsonNode skipped = await(() -> get(url(StackService.DASHBOARD, "/api/calls?status=skipped&size=100"), alice),
                reply -> reply.json().path("totalItems").asInt() >= 3, WAIT).json();
        Map<String, String> reasons = new java.util.HashMap<>();
        skipped.path("items").forEach(item -> reasons.put(item.path("title").asString(),
                item.path("skipReason").asString()));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(
                "E2E skip outsider", "recorded_outside_org",
                "E2E skip no transcript", "no_transcript",
                "E2E skip internal", "internal_meeting"));
        assertThat(skipped.path("items").findValuesAsString("attribution")).containsExactlyInAnyOrder(
                "shared", "recorder", "recorder");
        JsonNode summary = get(url(StackService.DASHBOARD, "/api/dashboard/summary"), head).json();
        assertThat(summary.path("skippedCalls").asInt()).isEqualTo(3);
        assertThat(openAi.evaluations()).as("a skipped call costs no LLM request").isEqualTo(evaluationsBefore);
    }

    @Test
    @Order(6)
    void aMeetingWhoseWebhookNeverCameIsRecoveredOnceByTheCatchUpSync() {
        var recorded = post(url(StackService.FATHOM_EMULATOR, "/emulator/recordings"), null,
                "{\"title\":\"E2E webhook never sent\",\"deliver\":false}");
        assertThat(recorded.json().path("deliveries")).isEmpty();

        JsonNode calls = await(() -> get(url(StackService.DASHBOARD,
                        "/api/calls?size=10&q=" + encode("E2E webhook never sent")), alice),
                reply -> reply.json().path("items").findValuesAsString("status").contains("evaluated"), WAIT).json();
        assertThat(calls.path("items").get(0).path("source").asString()).isEqualTo("sync");
        // two more sync intervals find nothing new: still one call, one evaluation, nothing recovered last time
        awaitTwoMoreSyncs();
        assertThat(get(url(StackService.DASHBOARD, "/api/calls?size=10&q=" + encode("E2E webhook never sent")), alice)
                .json().path("totalItems").asInt()).isOne();
        assertThat(evaluationsFor("E2E webhook never sent")).isOne();
        JsonNode integration = get(url(StackService.INTEGRATION, "/api/integrations/fathom"), alice).json();
        assertThat(integration.path("lastSyncAt").asString()).isNotBlank();
        assertThat(integration.path("lastSyncRecovered").asInt()).isZero();
    }

    /**
     * Issue 20: one trace id from the webhook's traceparent to the dashboard, in the {@code traceId} field of every
     * service's JSON log lines about the call. Neither the title nor the recording id holds the trace id, so only the
     * field can match.
     */
    @Test
    @Order(7)
    void aWebhooksTraceparentIsOnTheLogLinesOfEveryServiceThatHandledTheCall() {
        String traceId = java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16)
                .putLong(System.nanoTime()).putLong(0x5eed_cafe_f00dL).array());
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        String marker = Long.toHexString(System.nanoTime() ^ 0x7ace_d0c5L);
        String title = "Traced call " + marker;
        String payload = """
                [{"id":"e2e-traced-%s","fathom_user":{"email":"alice@acme-sales.test","name":"Alice Martin"},\
                "meeting":{"title":"%s","scheduled_start_time":"2025-02-03T10:00:00Z"},\
                "recording":{"duration_in_minutes":12,"share_url":"https://fathom.video/share/traced"},\
                "transcript":{"plaintext":"Alice Martin: Qui décide ?\\nClaire Client: Notre directrice."}}]"""
                .formatted(marker, title);
        var relayed = StackClient.post(url(StackService.FATHOM_EMULATOR, "/emulator/deliveries"), payload,
                "traceparent", traceparent);
        assertThat(deliveredStatus(relayed)).as(relayed.body()).isEqualTo(202);
        JsonNode listed = await(() -> get(url(StackService.DASHBOARD, "/api/calls?status=evaluated&q=" + encode(title)),
                alice), reply -> reply.status() == 200 && reply.json().path("totalItems").asInt() == 1, WAIT).json();
        String callId = listed.path("items").get(0).path("callId").asString();
        assertThat(callId).doesNotContain(traceId);

        for (StackService service : List.of(StackService.WEBHOOK_INGEST, StackService.ANALYSIS,
                StackService.DASHBOARD)) {
            List<JsonNode> aboutTheCall = await(() -> jsonLinesAbout(service, callId), lines -> !lines.isEmpty(),
                    WAIT);
            assertThat(aboutTheCall).as(service + " logged the call under the webhook's trace")
                    .anySatisfy(line -> assertThat(line.path("traceId").asString()).isEqualTo(traceId));
        }
    }

    /** Issue 18 item 6: erasure through the API of the running stack. */
    @Test
    @Order(8)
    void anErasedCallIsGoneEverywhereAndNoDeliveryImportOrSyncBringsItBack() {
        String marker = Long.toHexString(System.nanoTime());
        String title = "E2E erase me " + marker;
        String sentence = "Ce chiffre confidentiel " + marker + " reste entre nous.";
        var recorded = post(url(StackService.FATHOM_EMULATOR, "/emulator/recordings"), null,
                "{\"title\":\"" + title + "\",\"closingLine\":\"" + sentence + "\"}");
        assertThat(deliveredStatus(recorded)).as(recorded.body()).isEqualTo(202);
        String meeting = recorded.json().path("meeting").toString();
        String search = "/api/calls?size=10&q=" + encode(title);
        JsonNode listed = await(() -> get(url(StackService.DASHBOARD, search), alice),
                reply -> reply.json().path("items").findValuesAsString("status").contains("evaluated"), WAIT).json();
        String callId = listed.path("items").get(0).path("callId").asString();
        ErasureProbe probe = new ErasureProbe(stack.config());
        assertThat(probe.documentsContaining(sentence)).as("the probe finds the transcript before the erasure")
                .isNotEmpty();
        String day = listed.path("items").get(0).path("startedAt").asString().substring(0, 10);
        String summary = "/api/dashboard/summary?from=" + day + "&to=" + day;
        int callsBefore = get(url(StackService.DASHBOARD, summary), head).json().path("totalCalls").asInt();

        assertThat(delete(url(StackService.DASHBOARD, "/api/calls/" + callId), stranger).status())
                .as("another organization").isEqualTo(404);
        assertThat(delete(url(StackService.DASHBOARD, "/api/calls/" + callId), bob).status())
                .as("another member").isEqualTo(404);
        var erased = delete(url(StackService.DASHBOARD, "/api/calls/" + callId), alice);
        assertThat(erased.status()).as(erased.body()).isEqualTo(202);

        Duration thirtySeconds = Duration.ofSeconds(30);
        await(() -> get(url(StackService.DASHBOARD, "/api/calls/" + callId), head), reply -> reply.status() == 404,
                thirtySeconds);
        assertThat(get(url(StackService.DASHBOARD, search), head).json().path("totalItems").asInt()).isZero();
        assertThat(get(url(StackService.DASHBOARD, "/api/calls/" + callId), alice).status()).isEqualTo(404);
        assertThat(get(url(StackService.DASHBOARD, summary), head).json().path("totalCalls").asInt())
                .isEqualTo(callsBefore - 1);
        assertThat(await(() -> probe.documentsContaining(sentence), List::isEmpty, thirtySeconds)).isEmpty();

        var redelivered = post(url(StackService.FATHOM_EMULATOR, "/emulator/deliveries"), null, meeting);
        List<Integer> answers = new java.util.ArrayList<>();
        redelivered.json().path("deliveries").forEach(delivery -> answers.add(delivery.path("status").asInt()));
        assertThat(answers).as("a duplicate at every member's URL: " + redelivered.body()).isNotEmpty()
                .containsOnly(200);
        // the newest meeting is the erased one
        var job = post(url(StackService.INTEGRATION, "/api/integrations/fathom/import"), alice, "{\"maxMeetings\":1}");
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        JsonNode imported = awaitImport(alice, job.json().path("jobId").asString());
        assertThat(imported.path("imported").asInt()).as(imported.toString()).isZero();
        assertThat(imported.path("skippedDuplicates").asInt()).isOne();
        awaitTwoMoreSyncs();
        assertThat(get(url(StackService.DASHBOARD, "/api/calls/" + callId), head).status()).isEqualTo(404);
        assertThat(get(url(StackService.DASHBOARD, search), head).json().path("totalItems").asInt()).isZero();
        assertThat(evaluationsFor(title)).as("never analyzed again").isOne();
        assertThat(probe.documentsContaining(sentence)).isEmpty();

        for (String topic : List.of("calls.recorded", "calls.analyzed", "calls.analysis-failed")) {
            List<String> values = probe.valuesOf(topic, callId);
            assertThat(values).as(topic + " ends with the tombstone").isNotEmpty().last().isNull();
            assertThat(probe.valuesOf(topic + ".DLT", callId)).as(topic + ".DLT").isEmpty();
        }
        assertThat(probe.valuesOf("calls.erased", callId)).singleElement()
                .satisfies(value -> assertThat(value).contains("\"requestedBy\":\"rep-alice\""));
    }

    /** Until the catch-up sync of Alice's integration completed twice more (its {@code lastSyncAt} moved twice). */
    private static void awaitTwoMoreSyncs() {
        Duration twoIntervalsAndSome = Duration.parse("PT" + SYNC_INTERVAL).multipliedBy(2).plusSeconds(30);
        String before = lastSyncAt();
        String next = await(EndToEndIT::lastSyncAt, at -> !at.equals(before), twoIntervalsAndSome);
        await(EndToEndIT::lastSyncAt, at -> !at.equals(next), twoIntervalsAndSome);
    }

    private static String lastSyncAt() {
        return get(url(StackService.INTEGRATION, "/api/integrations/fathom"), alice).json().path("lastSyncAt")
                .asString("");
    }

    /** The service's log lines whose {@code callId} field is this call's; every line must be one JSON object. */
    private static List<JsonNode> jsonLinesAbout(StackService service, String callId) {
        try {
            List<JsonNode> about = new java.util.ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(stack.process(service).log())) {
                if (line.isBlank() || !line.startsWith("{")) {
                    continue; // the JVM's own warnings before logging starts
                }
                JsonNode json = com.salesai.schema.events.EventJson.mapper().readTree(line);
                if (callId.equals(json.path("callId").asString())) {
                    about.add(json);
                }
            }
            return about;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void record(String options) {
        var reply = post(url(StackService.FATHOM_EMULATOR, "/emulator/recordings"), null, options);
        assertThat(statusAt(reply, "rep-alice")).as(reply.body()).isEqualTo(202);
    }

    private static JsonNode awaitImport(String token, String jobId) {
        return await(() -> get(url(StackService.INTEGRATION, "/api/integrations/fathom/import/" + jobId), token),
                reply -> reply.json() != null && reply.json().path("status").asString().matches(
                        "(?i)completed|succeeded|failed"), WAIT).json();
    }

    /** Evaluation requests the fake OpenAI answered for calls whose title contains {@code title}. */
    private static long evaluationsFor(String title) {
        return openAi.answeredEvaluations().stream().filter(request -> request.contains(title)).count();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The relay: the emulator signs and sends a legacy-format body, as an older Fathom integration would. */
    private static void relay(String body) {
        var reply = post(url(StackService.FATHOM_EMULATOR, "/emulator/deliveries"), null, body);
        assertThat(deliveredStatus(reply)).as(reply.body()).isEqualTo(202);
    }

    /** The status rep-alice's ingest endpoint answered to the emulator's delivery. */
    private static int deliveredStatus(StackClient.Reply reply) {
        return statusAt(reply, "rep-alice");
    }

    /** The status the ingest endpoint of {@code userId} answered to the emulator's delivery. */
    private static int statusAt(StackClient.Reply reply, String userId) {
        for (JsonNode delivery : reply.json().path("deliveries")) {
            if (delivery.path("destinationUrl").asString().endsWith("/" + userId)) {
                return delivery.path("status").asInt();
            }
        }
        throw new AssertionError("no delivery to " + userId + ": " + reply.body());
    }

    private static String quote(String json) {
        return com.salesai.schema.events.EventJson.mapper().writeValueAsString(json);
    }

    private static String url(StackService service, String path) {
        return stack.config().url(service) + path;
    }
}
