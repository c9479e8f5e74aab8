package com.salesai.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.salesai.localstack.SecurityReport.Attempt;
import com.salesai.localstack.SecurityReport.Row;
import com.salesai.schema.crypto.EncryptedValue;
import com.salesai.schema.crypto.Keyring;
import com.salesai.schema.events.IntegrationChanged;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import com.salesai.testsupport.SlowUpload;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.salesai.localstack.StackClient.await;
import static com.salesai.localstack.StackClient.get;
import static com.salesai.localstack.StackClient.put;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of issue 18 against one running stack, each a bounded number of times over loopback: every attempt
 * must get its refusal, fast, and every service must be live and ready and serve a genuine request afterwards.
 * Writes the security section of {@code RELIABILITY.md}. On the {@link SharedStack}, before the fault suite's
 * faults; its calls have their own titles and its counts are of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.Resolver.class)
@Order(2) // after the end-to-end test, before the fault suite's kills and restarts
class SecuritySuiteIT {
    private static final SecurityReport REPORT = new SecurityReport();
    private static final Instant SUITE_START = Instant.now();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The genuine user's client during the flood: its own connections and selector thread. */
    private static final HttpClient READER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<StackService> SERVICES = List.of(StackService.INTEGRATION,
            StackService.WEBHOOK_INGEST, StackService.ANALYSIS, StackService.DASHBOARD);

    private static final int UPLOADS = 60;
    private static final byte[] NINE_MEBIBYTES = new byte[9 * 1024 * 1024];
    private static final int TRICKLE_BYTES_PER_SECOND = 4 * 1024;
    /**
     * Refused from the headers, so long before the 38 minutes the trickle of 9 MiB would take: the service takes
     * milliseconds; the bound leaves room for 120 sender threads and the stack sharing a loaded 2-core machine.
     */
    private static final Duration UPLOAD_ANSWER_BOUND = Duration.ofSeconds(5);
    /** Under the ingest's -Xmx512m: 60 buffered uploads of 9 MiB would not fit next to the service. */
    private static final long INGEST_HEAP_BOUND_MIB = 384;
    /** A refusal of a small request; the old permit wait held a request for 65 s. */
    private static final Duration REFUSAL_BOUND = Duration.ofSeconds(10);
    private static final int FLOOD = 300;
    /** The bound for another user's settings read during the flood (the median of three reads). */
    private static final Duration READ_DURING_FLOOD_BOUND = Duration.ofSeconds(1);
    private static final int STREAMS_PER_USER = 5;
    private static final int REPEATS = 5;

    static Stack stack;
    static SharedStack shared;
    static String operatorToken;
    static String alice;
    static String aliceSecret;

    @BeforeAll
    static void connectAlice(SharedStack sharedStack) {
        shared = sharedStack;
        stack = shared.stack();
        operatorToken = shared.operatorToken();
        alice = token("rep-alice", "org-acme", "member");
        var saved = put(url(StackService.INTEGRATION, "/api/integrations/fathom"), alice,
                "{\"apiKey\":\"emulator-api-key\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        // stored before the answer (a new webhook secret when the end-to-end test saved Alice's integration before)
        aliceSecret = await(SecuritySuiteIT::storedWebhookSecret, secret -> secret != null, Duration.ofSeconds(30));
        // the ingest learns the secret from fathom.integrations: wait until a genuine delivery is accepted
        await(() -> deliverGenuine("Security warm-up"), attempt -> attempt.status() / 100 == 2,
                Duration.ofSeconds(60));
    }

    @AfterAll
    static void report() throws IOException {
        if (stack != null) {
            REPORT.write(stack.config().root().resolve("RELIABILITY.md"),
                    Duration.between(SUITE_START, Instant.now()), shared.started());
        }
    }

    @Test
    @Order(1)
    void slowNineMebibyteUploadsAreRefusedFromTheirHeadersWhileASignedDeliveryIsAccepted() throws Exception {
        int port = stack.config().port(StackService.WEBHOOK_INGEST);
        HeapWatch heap = HeapWatch.start(managementPort(StackService.WEBHOOK_INGEST));
        List<SlowUpload> toNobody = new ArrayList<>();
        List<SlowUpload> unsigned = new ArrayList<>();
        Attempt genuine = null;
        try {
            for (int i = 0; i < UPLOADS; i++) {
                if (i == UPLOADS / 2) {
                    genuine = deliverGenuine("Security genuine amid the uploads");
                }
                toNobody.add(SlowUpload.trickle(port, "/api/webhooks/fathom/nobody",
                        Map.of("webhook-id", "msg_nobody" + i), NINE_MEBIBYTES, TRICKLE_BYTES_PER_SECOND));
                unsigned.add(SlowUpload.trickle(port, "/api/webhooks/fathom/rep-alice", Map.of(), NINE_MEBIBYTES,
                        TRICKLE_BYTES_PER_SECOND));
            }
            List<SlowUpload.Answer> nobodyAnswers = answers(toNobody);
            List<SlowUpload.Answer> unsignedAnswers = answers(unsigned);
            long heapMib = heap.stop();
            String health = healthAfter("a signed delivery sent amid the uploads", genuine, 202)
                    + "; ingest heap at most %d MiB of 512 during them".formatted(heapMib);
            Row nobodyRow = uploadRow("1. %d concurrent slow uploads (9 MiB announced, trickled at 4 KB/s) to "
                    .formatted(UPLOADS) + "`/api/webhooks/fathom/nobody`", 404, nobodyAnswers, health);
            Row unsignedRow = uploadRow("2. the same, at the same time, to a real user's URL without the signature "
                    + "headers", 401, unsignedAnswers, health);
            REPORT.add(nobodyRow);
            REPORT.add(unsignedRow);
            long mostSent = java.util.stream.Stream.concat(nobodyAnswers.stream(), unsignedAnswers.stream())
                    .mapToLong(SlowUpload.Answer::bodyBytesSent).max().orElse(0);
            REPORT.note(("Rows 1–2: at 4 KB/s each 9 MiB body would take 38 min to send; every answer came when at "
                    + "most %d KB of it had been sent, so from the headers alone (the path's user, then the "
                    + "signature headers), while the %d uploads were open at once.").formatted(mostSent / 1024,
                    2 * UPLOADS));

            assertThat(nobodyRow.refused()).as("uploads to nobody refused unread").isEqualTo(UPLOADS);
            assertThat(unsignedRow.refused()).as("unsigned uploads refused unread").isEqualTo(UPLOADS);
            assertThat(nobodyRow.max()).isLessThan(UPLOAD_ANSWER_BOUND);
            assertThat(unsignedRow.max()).isLessThan(UPLOAD_ANSWER_BOUND);
            assertThat(heapMib).as("ingest heap in MiB").isLessThan(INGEST_HEAP_BOUND_MIB);
        } finally {
            heap.stop();
            toNobody.forEach(SlowUpload::close);
            unsigned.forEach(SlowUpload::close);
        }
    }

    @Test
    @Order(2)
    void forgedSignaturesAndStaleTimestampsAreUnauthorizedAndPublishNothing() {
        String otherSecret = StandardWebhooksSigner.newSecret();
        List<Attempt> forged = new ArrayList<>();
        List<Attempt> stale = new ArrayList<>();
        for (int i = 0; i < 4 * REPEATS; i++) {
            long now = Instant.now().getEpochSecond();
            forged.add(deliver("Security forged " + i, otherSecret, now));
            // a genuine delivery captured and replayed 10 minutes later (the tolerance is 5 minutes)
            stale.add(deliver("Security replayed " + i, aliceSecret, now - 600));
        }
        String genuineTitle = "Security genuine after forgeries";
        Attempt genuine = deliverGenuine(genuineTitle);
        String health = healthAfter("a signed delivery", genuine, 202);
        // the genuine delivery, sent after the refused ones, reaches the dashboard; none of the refused ones does
        await(() -> callsMatching(genuineTitle), found -> found == 1, Duration.ofSeconds(60));
        int forgedOnTheDashboard = callsMatching("Security forged");
        int replayedOnTheDashboard = callsMatching("Security replayed");
        health += "; on the dashboard: it, and none of the refused (%d)".formatted(
                forgedOnTheDashboard + replayedOnTheDashboard);
        Row forgedRow = Row.of("3. forged signature (another secret) on a real user's URL", "401", forged,
                count(forged, 401), health);
        Row staleRow = Row.of("4. replay: a genuine signature with a timestamp 10 min old (tolerance 5 min)", "401",
                stale, count(stale, 401), health);
        REPORT.add(forgedRow);
        REPORT.add(staleRow);

        assertRefused(forgedRow);
        assertRefused(staleRow);
        assertThat(forgedOnTheDashboard + replayedOnTheDashboard).as("refused deliveries on the dashboard").isZero();
    }

    @Test
    @Order(3)
    void platformOperationsRefuseTenantAdminsAndAnswerOnlyTheOperatorTokenOnTheManagementPort() throws Exception {
        String admin = token("rep-ada", "org-acme", "admin");
        String integrationManagement = "http://127.0.0.1:" + managementPort(StackService.INTEGRATION);
        String analysisManagement = "http://127.0.0.1:" + managementPort(StackService.ANALYSIS);
        List<Attempt> applicationPort = new ArrayList<>();
        List<Attempt> managementPort = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            applicationPort.add(send(postJson(url(StackService.INTEGRATION, "/actuator/reencrypt"), admin, "")));
            applicationPort.add(send(postJson(url(StackService.INTEGRATION, "/api/admin/crypto/reencrypt"), admin,
                    "")));
            applicationPort.add(send(postJson(url(StackService.ANALYSIS, "/actuator/dltreplay"), admin, "")));
            for (String operation : List.of(integrationManagement + "/actuator/reencrypt",
                    analysisManagement + "/actuator/dltreplay")) {
                managementPort.add(send(postJson(operation, admin, "")));
                managementPort.add(send(postJson(operation, null, "")));
            }
        }
        Attempt reencrypt = send(postJson(integrationManagement + "/actuator/reencrypt", operatorToken, ""));
        Attempt replay = send(postJson(analysisManagement + "/actuator/dltreplay", operatorToken, ""));
        String health = healthAfter("the operator token on the management port: reencrypt", reencrypt, 200)
                + ", dltreplay → %d".formatted(replay.status());
        Row appRow = Row.of("5. tenant admin JWT on the platform operations at the application port "
                        + "(`/actuator/reencrypt`, `/api/admin/crypto/reencrypt`, `/actuator/dltreplay`)",
                "401/403/404", applicationPort, count(applicationPort, 401, 403, 404), health);
        Row managementRow = Row.of("6. the same operations on the management port with the tenant admin JWT or no "
                + "token", "401", managementPort, count(managementPort, 401), health);
        REPORT.add(appRow);
        REPORT.add(managementRow);
        REPORT.note(("Rows 5–6: on the management ports (a free port per service here, read from its log) the same "
                + "POSTs with the operator token (`APP_ADMIN_TOKEN`) answered %d (reencrypt) and %d (dltreplay); "
                + "each refused one left an audit line in the service's log (checked for integration-service).")
                .formatted(reencrypt.status(), replay.status()));

        assertRefused(appRow);
        assertRefused(managementRow);
        assertThat(replay.status()).as("dltreplay with the operator token").isEqualTo(200);
        String audit = Files.readString(stack.process(StackService.INTEGRATION).log());
        assertThat(audit).as("audit line per refused operation")
                .contains("operator operation POST /actuator/reencrypt from")
                .contains("refused: missing or wrong operator token");
    }

    @Test
    @Order(4)
    void hostileTokensAreUnauthorizedAtBothApis() {
        String secret = stack.secrets().devSecret();
        Map<String, String> hostile = Map.of(
                "org_id acme|week", DevTokens.mint(secret, "rep-intruder", "acme|week", "admin", "Intruder",
                        "intruder@acme-sales.test", Duration.ofHours(1)),
                "another key", DevTokens.mint("another-secret-of-at-least-32-characters!", "rep-alice", "org-acme",
                        "member", "Alice Martin", "alice@acme-sales.test", Duration.ofHours(1)),
                "expired", DevTokens.mint(secret, "rep-alice", "org-acme", "member", "Alice Martin",
                        "alice@acme-sales.test", Duration.ofMinutes(-10)),
                "alg none", unsigned(alice));
        for (StackService service : List.of(StackService.INTEGRATION, StackService.DASHBOARD)) {
            String path = service == StackService.INTEGRATION ? "/api/integrations/fathom" : "/api/calls";
            List<Attempt> attempts = new ArrayList<>();
            for (int i = 0; i < REPEATS; i++) {
                hostile.values().forEach(jwt -> attempts.add(send(getRequest(url(service, path), jwt))));
            }
            Attempt genuine = send(getRequest(url(service, path), alice));
            Row row = Row.of("%d. tokens at %s `GET %s`: `org_id` `acme|week`, signed with another key, expired, "
                    .formatted(service == StackService.INTEGRATION ? 7 : 8, service.processName(), path)
                    + "`alg: none`", "401", attempts, count(attempts, 401),
                    healthAfter("a genuine user's `GET " + path + "`", genuine, 200));
            REPORT.add(row);
            assertRefused(row);
        }
    }

    @Test
    @Order(5)
    void aFloodOfConnectionTestsWithABogusKeyIsAnsweredFastAndDoesNotStarveOthers() throws Exception {
        String mallory = token("rep-mallory", "org-acme", "member");
        String body = "{\"apiKey\":\"bogus-" + UUID.randomUUID() + "\"}";
        List<CompletableFuture<FloodAnswer>> flood = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            long started = System.nanoTime();
            flood.add(HTTP.sendAsync(postJson(url(StackService.INTEGRATION, "/api/integrations/fathom/test"), mallory,
                    body), HttpResponse.BodyHandlers.ofString()).thenApply(response -> new FloodAnswer(
                    new Attempt(response.statusCode(), Duration.ofNanos(System.nanoTime() - started)),
                    response.statusCode() == 409
                            || response.statusCode() == 200 && response.body().contains("\"success\":false"))));
        }
        // another user's settings reads while the flood is in flight, on their own connections and selector thread
        // so that they measure the service, not this client opening 300 connections; the median of three, so one
        // scheduling hiccup of the loaded machine is not taken for starvation (starved, all three would wait)
        Thread.sleep(100);
        long answeredBefore = flood.stream().filter(CompletableFuture::isDone).count();
        List<Attempt> reads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reads.add(send(READER, getRequest(url(StackService.INTEGRATION, "/api/integrations/fathom"), alice)));
        }
        long answeredAfter = flood.stream().filter(CompletableFuture::isDone).count();
        List<FloodAnswer> answers = new ArrayList<>();
        for (CompletableFuture<FloodAnswer> answer : flood) {
            answers.add(answer.get(60, TimeUnit.SECONDS));
        }
        List<Duration> readTimes = reads.stream().map(Attempt::time).sorted().toList();
        Row row = Row.of("9. %d parallel `POST /api/integrations/fathom/test` by one user with a bogus key (the "
                        .formatted(FLOOD) + "emulator answers 401 for it)", "409 one at a time, or 200 "
                        + "`success: false`", answers.stream().map(FloodAnswer::attempt).toList(),
                (int) answers.stream().filter(FloodAnswer::refused).count(),
                healthAfter("another user's `GET /api/integrations/fathom` ×3 during the flood", reads.get(2), 200)
                        + " in %s ms (%d → %d of the %d answered meanwhile)".formatted(readTimes.stream()
                        .map(t -> Long.toString(t.toMillis())).collect(Collectors.joining(" / ")),
                        answeredBefore, answeredAfter, FLOOD));
        REPORT.add(row);

        assertRefused(row);
        assertThat(reads).as("settings reads during the flood").allMatch(read -> read.status() == 200);
        assertThat(answeredBefore).as("flood answers before the first read").isLessThan(FLOOD);
        assertThat(readTimes.get(1)).as("another user's settings read during the flood, median of 3")
                .isLessThan(READ_DURING_FLOOD_BOUND);
    }

    /** One connection test of the flood; refused = busy (409) or the verdict "invalid key" (200, not a success). */
    private record FloodAnswer(Attempt attempt, boolean refused) {
    }

    @Test
    @Order(6)
    void oneUserOpeningMoreStreamsThanAllowedIsRefusedWith429() throws Exception {
        List<Stream> open = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS_PER_USER; i++) {
                Stream stream = Stream.open(alice);
                open.add(stream);
                assertThat(stream.status()).as("stream %d within the limit", i).isEqualTo(200);
            }
            List<Attempt> attempts = new ArrayList<>();
            for (int i = 0; i < REPEATS; i++) {
                try (Stream extra = Stream.open(alice)) {
                    attempts.add(new Attempt(extra.status(), extra.time()));
                }
            }
            String health;
            try (Stream colleague = Stream.open(token("rep-bruno", "org-acme", "member"))) {
                assertThat(colleague.status()).as("a colleague's stream").isEqualTo(200);
                health = healthAfter("the same user's `GET /api/calls`",
                        send(getRequest(url(StackService.DASHBOARD, "/api/calls"), alice)), 200)
                        + "; a colleague's stream → 200";
            }
            Row row = Row.of("10. one user opening live-update streams (`GET /api/calls/stream`) past the %d allowed"
                    .formatted(STREAMS_PER_USER), "429", attempts, count(attempts, 429), health);
            REPORT.add(row);
            assertRefused(row);
        } finally {
            open.forEach(Stream::close);
        }
    }

    @Test
    @Order(7)
    void anotherOrganizationsCallIsNotFound() {
        String title = "Security cross-tenant call";
        assertThat(deliverGenuine(title).status()).isEqualTo(202);
        JsonNode list = await(() -> get(url(StackService.DASHBOARD, "/api/calls?q=" + encode(title)), alice),
                reply -> reply.status() == 200 && reply.json().path("totalItems").asInt() == 1,
                Duration.ofSeconds(60)).json();
        String callId = list.path("items").get(0).path("callId").asString();
        String olga = token("rep-olga", "org-globex", "head_of_sales");
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 2 * REPEATS; i++) {
            attempts.add(send(getRequest(url(StackService.DASHBOARD, "/api/calls/" + callId), olga)));
        }
        Row row = Row.of("11. another organization's head of sales reading a call by its id (`GET /api/calls/{id}`)",
                "404", attempts, count(attempts, 404), healthAfter("its owner's `GET /api/calls/{id}`",
                        send(getRequest(url(StackService.DASHBOARD, "/api/calls/" + callId), alice)), 200));
        REPORT.add(row);
        assertRefused(row);
    }

    // ---- health after each attack

    /** Every service live and ready (asserted), the genuine request served with its status (asserted). */
    private static String healthAfter(String genuineLabel, Attempt genuine, int expectedStatus) {
        for (StackService service : SERVICES) {
            for (String probe : List.of("/livez", "/readyz")) {
                Attempt answer = send(getRequest(url(service, probe), null));
                assertThat(answer.status()).as(service.processName() + probe).isEqualTo(200);
            }
        }
        assertThat(genuine).as(genuineLabel).isNotNull();
        assertThat(genuine.status()).as(genuineLabel).isEqualTo(expectedStatus);
        return "%d/%d services live + ready; %s → %d".formatted(SERVICES.size(), SERVICES.size(), genuineLabel,
                genuine.status());
    }

    private static void assertRefused(Row row) {
        assertThat(row.refused()).as(row.attack() + ": refused with " + row.expected()).isEqualTo(row.attempts());
        assertThat(row.max()).as(row.attack() + ": slowest refusal").isLessThan(REFUSAL_BOUND);
    }

    private static int count(List<Attempt> attempts, Integer... statuses) {
        Set<Integer> expected = Set.of(statuses);
        return (int) attempts.stream().filter(a -> expected.contains(a.status())).count();
    }

    // ---- webhooks

    private static Attempt deliverGenuine(String title) {
        return deliver(title, aliceSecret, Instant.now().getEpochSecond());
    }

    /** A delivery to alice's URL, signed with {@code secret} at {@code timestamp}. */
    private static Attempt deliver(String title, String secret, long timestamp) {
        byte[] body = meeting(title);
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        return send(HttpRequest.newBuilder(URI.create(url(StackService.WEBHOOK_INGEST,
                        "/api/webhooks/fathom/rep-alice"))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", StandardWebhooksSigner.sign(secret, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static byte[] meeting(String title) {
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + System.nanoTime();
        return """
                {"id":"%s","fathom_user":{"email":"alice@acme-sales.test","name":"Alice Martin"},\
                "meeting":{"title":"%s","scheduled_start_time":"2025-01-23T10:00:00Z"},\
                "recording":{"duration_in_minutes":30,"share_url":"https://fathom.video/share/%s"},\
                "transcript":{"plaintext":"Alice Martin: Bonjour, quels sont vos défis ?\\nClaire Client: Le suivi."}}"""
                .formatted(slug, title, slug).getBytes(StandardCharsets.UTF_8);
    }

    /** Alice's webhook secret as the services decrypt it, once integration-service has stored it. */
    private static String storedWebhookSecret() {
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + stack.config().mongoPort())) {
            Document integration = mongo.getDatabase("fathom_integration").getCollection("integrations")
                    .find(Filters.eq("userId", "rep-alice")).first();
            String encrypted = integration == null ? null : integration.getString("encryptedWebhookSecret");
            if (encrypted == null) {
                return null;
            }
            Keyring keyring = Keyring.parse(stack.secrets().cryptoKeys(), stack.secrets().activeKeyId());
            return keyring.decrypt(EncryptedValue.parse(encrypted),
                    IntegrationChanged.webhookSecretAad("rep-alice", integration.getString("orgId")));
        }
    }

    private static int callsMatching(String text) {
        var reply = get(url(StackService.DASHBOARD, "/api/calls?size=100&q=" + encode(text)), alice);
        return reply.status() == 200 ? reply.json().path("totalItems").asInt() : -1;
    }

    private static List<SlowUpload.Answer> answers(List<SlowUpload> uploads) {
        return uploads.stream().map(upload -> upload.answer(Duration.ofSeconds(30))).toList();
    }

    /** Refused = the expected status before 1 % of the body was sent: answered from the headers alone. */
    private static Row uploadRow(String attack, int expected, List<SlowUpload.Answer> answers, String health) {
        List<Attempt> attempts = answers.stream().map(a -> new Attempt(a.status(), a.afterHeaders())).toList();
        int refused = (int) answers.stream().filter(a -> a.status() == expected
                && a.bodyBytesSent() < NINE_MEBIBYTES.length / 100).count();
        return Row.of(attack, expected + " before 1 % of the body was sent", attempts, refused, health);
    }

    // ---- tokens

    private static String token(String userId, String orgId, String role) {
        return DevTokens.mint(stack.secrets().devSecret(), userId, orgId, role, userId, userId + "@acme-sales.test",
                Duration.ofHours(1));
    }

    /** The claims of a valid token under {@code "alg":"none"}, without a signature. */
    private static String unsigned(String valid) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + valid.split("\\.")[1] + ".";
    }

    // ---- HTTP

    private static HttpRequest getRequest(String url, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        return bearer == null ? builder.build() : builder.header("Authorization", "Bearer " + bearer).build();
    }

    private static HttpRequest postJson(String url, String bearer, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return bearer == null ? builder.build() : builder.header("Authorization", "Bearer " + bearer).build();
    }

    /** Its status (0 when the connection failed) and how long the answer took. */
    private static Attempt send(HttpRequest request) {
        return send(HTTP, request);
    }

    private static Attempt send(HttpClient client, HttpRequest request) {
        try {
            return sendAsync(client, request).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        }
    }

    private static CompletableFuture<Attempt> sendAsync(HttpRequest request) {
        return sendAsync(HTTP, request);
    }

    private static CompletableFuture<Attempt> sendAsync(HttpClient client, HttpRequest request) {
        long started = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Attempt(response.statusCode(), Duration.ofNanos(System.nanoTime() - started)))
                .exceptionally(e -> new Attempt(0, Duration.ofNanos(System.nanoTime() - started)));
    }

    private static String url(StackService service, String path) {
        return stack.config().url(service) + path;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * The port a service's actuator listens on: the stack gives a service on a free port a free management port
     * (0), which its log names ("Tomcat started on port N" for each of its two servers).
     */
    private static int managementPort(StackService service) throws IOException {
        Matcher started = Pattern.compile("Tomcat started on port (\\d+)")
                .matcher(Files.readString(stack.process(service).log()));
        while (started.find()) {
            int port = Integer.parseInt(started.group(1));
            if (port != stack.config().port(service)) {
                return port;
            }
        }
        throw new AssertionError(service.processName() + "'s log names no management port");
    }

    /** One live-update stream: the status of its answer, how long that took, the connection held until closed. */
    private static final class Stream implements AutoCloseable {
        private final int status;
        private final Duration time;
        private final InputStream body;

        private Stream(int status, Duration time, InputStream body) {
            this.status = status;
            this.time = time;
            this.body = body;
        }

        static Stream open(String bearer) throws Exception {
            long started = System.nanoTime();
            HttpResponse<InputStream> response = HTTP.sendAsync(HttpRequest.newBuilder(
                                    URI.create(url(StackService.DASHBOARD, "/api/calls/stream")))
                            .header("Authorization", "Bearer " + bearer).header("Accept", "text/event-stream").GET()
                            .build(), HttpResponse.BodyHandlers.ofInputStream())
                    .get(30, TimeUnit.SECONDS);
            return new Stream(response.statusCode(), Duration.ofNanos(System.nanoTime() - started), response.body());
        }

        int status() {
            return status;
        }

        Duration time() {
            return time;
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                // closing is all that was asked
            }
        }
    }

    /** The most heap a service used while watched, read from its Prometheus scrape every 250 ms. */
    private static final class HeapWatch {
        private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)",
                Pattern.MULTILINE);
        private final String scrape;
        private final AtomicLong most = new AtomicLong();
        private final Thread sampler;
        private volatile boolean watching = true;

        private HeapWatch(int managementPort) {
            scrape = "http://127.0.0.1:" + managementPort + "/actuator/prometheus";
            most.set(heapUsed());
            sampler = new Thread(() -> {
                while (watching) {
                    most.accumulateAndGet(heapUsed(), Math::max);
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start(int managementPort) {
            return new HeapWatch(managementPort);
        }

        /** The most heap used in MiB. */
        long stop() {
            watching = false;
            sampler.interrupt();
            return most.get() / (1024 * 1024);
        }

        private long heapUsed() {
            var reply = get(scrape, null);
            assertThat(reply.status()).as(scrape).isEqualTo(200);
            Matcher matcher = HEAP.matcher(reply.body());
            double used = 0;
            while (matcher.find()) {
                used += Double.parseDouble(matcher.group(1));
            }
            return (long) used;
        }
    }
}
