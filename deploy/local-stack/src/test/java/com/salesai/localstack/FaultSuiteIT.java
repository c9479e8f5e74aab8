package com.salesai.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.salesai.schema.crypto.Aad;
import com.salesai.schema.crypto.EncryptedValue;
import com.salesai.schema.crypto.Keyring;
import com.salesai.schema.events.IntegrationChanged;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import static com.salesai.localstack.StackClient.await;
import static com.salesai.localstack.StackClient.get;
import static com.salesai.localstack.StackClient.post;
import static com.salesai.localstack.StackClient.put;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into one running stack while {@link WebhookDriver} streams signed webhooks; after each: every
 * accepted delivery is exactly one call record, evaluated (or failed with a reason where the fault exhausts the
 * retries), no call was evaluated twice at the fake OpenAI, nothing accepted was lost. Writes {@code RELIABILITY.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.Resolver.class)
@Order(3) // last on the shared stack: it kills, stops and restarts its processes
class FaultSuiteIT {
    /**
     * Stretches the steady stream around each fault, the faults and the settle time ({@code -Dfaults.scale}, the
     * {@code soak} profile sets it); 1 keeps the suite within a few minutes.
     */
    private static final double SCALE = Double.parseDouble(System.getProperty("faults.scale", "1"));
    private static final Duration STREAM_INTERVAL = Duration.ofMillis(400);
    /** Before and after each fault: at 400 ms a delivery, more than the 20 accepted each run must have. */
    private static final Duration STEADY = scaled(Duration.ofSeconds(5));
    private static final Duration SETTLE = scaled(Duration.ofSeconds(120));
    /**
     * Outlasts ingest's 2 s Mongo server selection and its producer's 3 s max.block.ms several times over, so 503s
     * are seen: 7 s was seen to leave a single 503 per outage on a loaded machine.
     */
    private static final Duration OUTAGE = scaled(Duration.ofSeconds(10));
    /** How often the stack's catch-up sync runs, so the lost-webhook run settles in seconds. */
    private static final String SYNC_INTERVAL = SharedStack.SYNC_INTERVAL;
    /** What fake OpenAI's 429 asks the client to wait ({@code retry-after: 1}); the SDK retries once after it. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /**
     * A record's whole retry budget while OpenAI answers 429: the waits between its deliveries (doubling from the
     * first) plus, per delivery, an OpenAI request and the SDK's one retry after {@link #RETRY_AFTER}.
     */
    private static final Duration RETRY_BUDGET = retryBudget();
    /**
     * The 429 phase: well past a record's retry budget, so a record in flight when it began ends {@code failed}; a
     * phase of the budget and 7 s was seen to fail no call on a loaded machine.
     */
    private static final Duration RATE_LIMITED = scaled(Duration.ofSeconds(30));
    /**
     * Records one analysis-service polls at a time (its default {@code ANALYSIS_CONCURRENCY}, one record per poll).
     * A kill -9 between OpenAI's answer and the stored result loses that answer with the process, so each of them
     * may be asked once more after the restart; the call record and its CallAnalyzed stay single.
     */
    private static final int ANALYSIS_IN_FLIGHT = 3;
    private static final FaultReport REPORT = new FaultReport();
    private static final Instant SUITE_START = Instant.now();

    static Path data;
    static FakeOpenAi openAi;
    static Stack stack;
    static SharedStack shared;
    static String alice;

    @BeforeAll
    static void connectAlice(SharedStack sharedStack) {
        shared = sharedStack;
        openAi = shared.openAi();
        stack = shared.stack();
        data = stack.config().dataDir();
        alice = DevTokens.mint(stack.secrets().devSecret(), "rep-alice", "org-acme", "member", "Alice Martin",
                "alice@acme-sales.test", Duration.ofHours(1));
        var saved = put(stack.config().url(StackService.INTEGRATION) + "/api/integrations/fathom", alice,
                "{\"apiKey\":\"emulator-api-key\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        // the ingest learns the webhook secret from fathom.integrations: wait until a probe delivery is accepted
        await(() -> post(stack.config().url(StackService.FATHOM_EMULATOR) + "/emulator/deliveries", null,
                        "{\"hello\":\"probe\"}"),
                reply -> reply.body().contains("\"status\":422"), Duration.ofSeconds(60));
    }

    @AfterAll
    static void report() throws IOException {
        if (stack != null) {
            REPORT.write(stack.config().root().resolve("RELIABILITY.md"), Duration.between(SUITE_START,
                    Instant.now()), SCALE, shared.started());
        }
    }

    @Test
    @Order(1)
    void dashboardRestartedWithAnEmptyReadModelRebuildsFromTheTopics() throws Exception {
        runFault("5. dashboard-api restarted with an empty read model", "dash", false, 0, () -> {
            stack.process(StackService.DASHBOARD).stop();
            try (MongoClient mongo = mongo()) {
                mongo.getDatabase("fathom_dashboard").drop();
            }
            stack.restart(StackService.DASHBOARD);
            return null;
        });
    }

    @Test
    @Order(2)
    void analysisKilledHardMidStreamLosesAndDoublesNothing() throws Exception {
        runFault("2. analysis-service kill -9 mid-stream, restarted", "kill", false, ANALYSIS_IN_FLIGHT, () -> {
            stack.process(StackService.ANALYSIS).kill();
            stack.restart(StackService.ANALYSIS);
            return null;
        });
        REPORT.note(("Fault 2: the killed instance's consumers never left their group, so their partitions "
                + "waited for their session to time out before the restarted instance got them: "
                + "`session.timeout.ms` is %d s on this stack (Kafka's default 45 s would add the difference to "
                + "the time to recover).").formatted(SharedStack.CONSUMER_SESSION_TIMEOUT.toSeconds()));
    }

    @Test
    @Order(3)
    void aSecondAnalysisInstanceJoiningAndLeavingLosesAndDoublesNothing() throws Exception {
        Duration together = scaled(Duration.ofSeconds(5));
        Duration[] startUp = new Duration[1];
        runFault("7. rebalance: a second analysis-service joins mid-stream, leaves %d s later (graceful stop)"
                .formatted(together.toSeconds()), "rebalance", false, 0, () -> {
            Instant launched = Instant.now();
            ServiceProcess second = stack.startExtra(StackService.ANALYSIS, SharedStack.freePort());
            startUp[0] = Duration.between(launched, Instant.now());
            try {
                Thread.sleep(together.toMillis());
            } finally {
                second.stop();
            }
            return null;
        });
        REPORT.note(("Fault 7: the second analysis-service (same jar and consumer group, another port) took %d s "
                + "to start and join while the stream ran, shared the %d partitions of `calls.recorded` for %d s "
                + "and stopped gracefully, so both rebalances happened under the stream; a call analyzed "
                + "by both instances would show under *repeated OpenAI requests*.")
                .formatted(startUp[0].toSeconds(), StackConfig.partitionsOfThisProcess().calls(),
                        together.toSeconds()));
    }

    @Test
    @Order(4)
    void openAiRateLimitsServerErrorsAndTimeoutsThenHealthy() throws Exception {
        Duration serverErrors = scaled(Duration.ofSeconds(5));
        Duration hanging = scaled(Duration.ofSeconds(6));
        FaultRun run = runFault("3. OpenAI 429 + retry-after (%d s), 500 (%d s), timeouts (%d s), then healthy"
                .formatted(RATE_LIMITED.toSeconds(), serverErrors.toSeconds(), hanging.toSeconds()), "openai", true,
                0, () -> {
                    openAi.mode(FakeOpenAi.Mode.RATE_LIMITED);
                    Thread.sleep(RATE_LIMITED.toMillis());
                    openAi.mode(FakeOpenAi.Mode.SERVER_ERROR);
                    Thread.sleep(serverErrors.toMillis());
                    openAi.mode(FakeOpenAi.Mode.HANGING);
                    Thread.sleep(hanging.toMillis());
                    openAi.mode(FakeOpenAi.Mode.HEALTHY);
                    return null;
                });
        assertThat(run.row().failed()).as("calls whose retries the 429 phase exhausted").isPositive();
        REPORT.note(("Fault 3: the 429 phase (%d s) outlasts a record's whole retry budget (~%d s: %d deliveries, "
                + "waits of %s between them, each an OpenAI request plus one SDK retry after `retry-after: %d`), "
                + "so the calls in flight then end `failed` with the reason (%d here, each with a non-blank "
                + "`failure.reason`, e.g. \"%s\"); the calls queued behind them were evaluated once OpenAI "
                + "recovered, none twice.").formatted(RATE_LIMITED.toSeconds(), RETRY_BUDGET.toSeconds(),
                SharedStack.ANALYSIS_RETRY_ATTEMPTS, retryWaits(), RETRY_AFTER.toSeconds(), run.row().failed(),
                run.sampleFailureReason()));
    }

    @Test
    @Order(6)
    void mongoStoppedAndRestartedUnderEveryService() throws Exception {
        FaultRun run = runFault("4. MongoDB stopped %d s and restarted (all four services' databases)"
                .formatted(OUTAGE.toSeconds()), "mongo", false, 0, () -> {
            stack.stopMongo();
            Thread.sleep(OUTAGE.toMillis());
            stack.startMongo();
            return null;
        });
        assertThat(run.driver().answers(503)).as("503 answers while the dedup store was down").isPositive();
        assertThat(deadLettersMentioning(run.callIds())).as("DLT records of this run").isZero();
        assertThat(run.driver().slowestRejection()).as("slowest non-2xx answer")
                .isLessThan(Duration.ofSeconds(15));
        REPORT.note(("Fault 4: one embedded MongoDB-compatible server holds the databases of all four services, so "
                + "ingest (dedup claims), analysis-service (stored analyses), dashboard-api (read model) and "
                + "integration-service lost their database at once, on the same port and H2 file afterwards. "
                + "Ingest answered %d × 503 + Retry-After, the slowest non-2xx answer after %.1f s (its Mongo "
                + "client waits 2 s for a server, `INGEST_MONGO_SERVER_SELECTION_TIMEOUT`, instead of the "
                + "driver's 30 s); analysis-service and dashboard-api retried the records that hit the outage "
                + "without spending their attempts (`app.outage-retry`): no call failed, no record of this run "
                + "on a DLT. "
                + "integration-service has nothing in flight during the stream (its outbox republisher only has "
                + "work after an integration change it could not publish); it answered its settings read again "
                + "after the restart, and its republisher's scheduled scan survives a failed run.")
                .formatted(run.driver().answers(503), run.driver().slowestRejection().toMillis() / 1000.0));
        // integration-service reads its database again
        await(() -> get(stack.config().url(StackService.INTEGRATION) + "/api/integrations/fathom", alice),
                reply -> reply.status() == 200, Duration.ofSeconds(30));
    }

    @Test
    @Order(7)
    void brokerStoppedAndRestartedMidStream() throws Exception {
        FaultRun run = runFault("1. Kafka broker stopped %d s and restarted (same ports and log)"
                .formatted(OUTAGE.toSeconds()), "broker", false, 0, () -> {
            stack.stopBroker();
            Thread.sleep(OUTAGE.toMillis());
            stack.startBroker();
            return null;
        });
        assertThat(run.driver().answers(503)).as("503 answers while the broker was down").isPositive();
        assertThat(deadLettersMentioning(run.callIds())).as("DLT records of this run").isZero();
        REPORT.note(("Fault 1: while the broker was down ingest answered %d × 503 + Retry-After (its producer "
                + "gives up after `max.block.ms` 3 s), the slowest non-2xx answer after %.1f s; the sender's "
                + "retries were accepted once it was back, and the consumers of analysis-service and dashboard-api "
                + "rejoined their groups by themselves; a record whose publish times out meanwhile is retried as "
                + "an outage, not against its attempts: no call failed, no record of this run on a DLT.")
                .formatted(run.driver().answers(503), run.driver().slowestRejection().toMillis() / 1000.0));
    }

    /** Topics a service consumes with a group and dead-letters; fathom.integrations is read by ingest without one. */
    private static final List<String> DEAD_LETTERED = List.of("calls.recorded", "calls.analyzed",
            "calls.analysis-failed");
    /** A sentence every legacy-flat, nested and data-wrapped delivery of {@link WebhookDriver} carries. */
    private static final String TRANSCRIPT_SENTENCE = "La prospection et le suivi.";
    /** The emulator's API keys of the users whose integrations the suites on the shared stack saved. */
    private static final Map<String, String> EMULATOR_KEYS = Map.of("rep-alice", "emulator-api-key",
            "rep-bob", "emulator-api-key-2");
    private static final Pattern ENCRYPTED_VALUE = Pattern.compile("^v1:[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+$");

    @Test
    @Order(5)
    void poisonRecordsGoToTheDeadLetterTopicsAndDoNotBlockTheirPartitions() throws Exception {
        String nonce = Long.toString(System.nanoTime(), 36);
        Map<String, Set<String>> poisonByTopic = new HashMap<>();
        runFault("6. poison record (not JSON) on every partition of each consumed topic", "poison", false, 0, () -> {
            poisonByTopic.putAll(producePoison(nonce));
            return null;
        });

        // each consumer group dead-letters its own copy: calls.recorded is read by analysis-service and dashboard-api
        Map<String, Integer> copiesPerPoison = Map.of("calls.recorded", 2, "calls.analyzed", 1,
                "calls.analysis-failed", 1);
        Map<String, Map<String, Integer>> found = awaitDeadLetters(poisonByTopic, copiesPerPoison,
                Duration.ofSeconds(30));
        for (String topic : DEAD_LETTERED) {
            for (String poison : poisonByTopic.get(topic)) {
                assertThat(found.get(topic).getOrDefault(poison, 0)).as(poison + " on " + topic + ".DLT")
                        .isGreaterThanOrEqualTo(copiesPerPoison.get(topic));
            }
        }
        // by design ingest logs the key and offset of an undecodable fathom.integrations value and skips it
        String ingestLog = Files.readString(data.resolve("logs/webhook-ingest-service.log"), StandardCharsets.UTF_8);
        assertThat(ingestLog).contains("undecodable value for userId=poison-" + nonce);
        String perTopic = poisonByTopic.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "`" + e.getKey() + "` " + e.getValue().size())
                .collect(java.util.stream.Collectors.joining(", "));
        REPORT.note(("Fault 6: %d poison records, one per partition (%s), produced while the stream ran; time to "
                + "recover = from the last poison record produced to every following call evaluated. Every one "
                + "found on `<topic>.DLT` "
                + "(calls.recorded twice: analysis-service and dashboard-api each dead-letter their copy); "
                + "`fathom.integrations` has no DLT by design: ingest reads it without a consumer group, logs the "
                + "key/partition/offset of the undecodable value and skips it (checked in its log), and kept "
                + "accepting deliveries.").formatted(poisonByTopic.values().stream().mapToInt(Set::size).sum(),
                perTopic));
    }

    @Test
    @Order(9)
    void webhooksDroppedForAStretchOfTheStreamAreRecoveredByTheCatchUpSync() throws Exception {
        String label = "sync";
        int sent = 30;
        Set<String> dropped = new HashSet<>();
        Instant lastDropped = Instant.now();
        for (int n = 0; n < sent; n++) {
            String title = "Fault " + label + " call %03d".formatted(n);
            boolean drop = n >= sent / 3 && n < 2 * sent / 3;
            var reply = post(stack.config().url(StackService.FATHOM_EMULATOR) + "/emulator/recordings", null,
                    "{\"title\":\"" + title + "\",\"deliver\":" + !drop + "}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            if (drop) {
                dropped.add(title);
                lastDropped = Instant.now();
            }
            Thread.sleep(STREAM_INTERVAL.toMillis());
        }
        Map<String, List<Document>> records = awaitSettled(label, sent);
        Duration toRecover = Duration.between(lastDropped, Instant.now());
        int recovered = 0;
        int duplicates = 0;
        for (String title : dropped) {
            List<Document> copies = records.getOrDefault(title, List.of());
            duplicates += Math.max(0, copies.size() - 1);
            if (!copies.isEmpty() && "evaluated".equals(copies.get(0).getString("status"))
                    && "sync".equals(copies.get(0).get("recorded", Document.class).getString("source"))) {
                recovered++;
            }
        }
        int lost = sent - (int) records.values().stream()
                .filter(copies -> "evaluated".equals(copies.get(0).getString("status"))).count();
        REPORT.add(new FaultReport.LostWebhooksRow("8. webhooks dropped for a stretch of the stream, recovered by the "
                + "catch-up sync (every " + SYNC_INTERVAL + ")", sent, dropped.size(), recovered, duplicates, lost,
                toRecover));

        assertThat(lost).as("recordings never on the dashboard").isZero();
        assertThat(recovered).as("dropped webhooks recovered by the sync").isEqualTo(dropped.size());
        assertThat(duplicates).as("call records doubled").isZero();
        assertThat(evaluationsPerTitle(label).values()).as("one evaluation per recording").allMatch(count -> count == 1);
    }

    @Test
    @Order(8)
    void noSecretOrTranscriptInTheLogsAndOnlyEncryptedSecretsInMongo() throws Exception {
        // the plaintext webhook secrets, decrypted the way the services do, so the scan looks for the real values
        Keyring keyring = Keyring.parse(stack.secrets().cryptoKeys(), stack.secrets().activeKeyId());
        List<String> forbidden = new ArrayList<>(List.of("emulator-api-key", "whsec_", TRANSCRIPT_SENTENCE));
        int documents = 0;
        int secretFields = 0;
        try (MongoClient mongo = mongo()) {
            for (Document integration : mongo.getDatabase("fathom_integration").getCollection("integrations")
                    .find()) {
                documents++;
                List<String> problems = new ArrayList<>();
                secretFields += checkSecretFields(integration, "", problems);
                assertThat(problems).as("integration " + integration.get("_id")).isEmpty();
                String userId = integration.getString("userId");
                String apiKey = integration.getString("encryptedApiKey");
                String webhookSecret = integration.getString("encryptedWebhookSecret");
                if (apiKey != null) {
                    assertThat(keyring.decrypt(EncryptedValue.parse(apiKey), Aad.of(userId, "apiKey")))
                            .as(userId + "'s API key").isEqualTo(EMULATOR_KEYS.get(userId));
                }
                if (webhookSecret != null) {
                    String secret = keyring.decrypt(EncryptedValue.parse(webhookSecret),
                            IntegrationChanged.webhookSecretAad(userId, integration.getString("orgId")));
                    forbidden.add(secret);
                    forbidden.add(secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret);
                }
            }
        }
        assertThat(documents).as("integrations stored").isPositive();
        assertThat(forbidden).as("a webhook secret was decrypted").hasSizeGreaterThan(3);

        List<Path> logs;
        try (Stream<Path> files = Files.list(data.resolve("logs"))) {
            logs = files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
        }
        assertThat(logs).as("service logs").hasSizeGreaterThanOrEqualTo(4);
        long bytes = 0;
        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            bytes += text.length();
            for (String secret : forbidden) {
                if (text.contains(secret)) {
                    leaks.add(log.getFileName() + " contains " + (secret.length() > 24 ? "a webhook secret"
                            : "\"" + secret + "\""));
                }
            }
        }
        assertThat(leaks).as("secrets or transcript text in the logs").isEmpty();
        REPORT.note(("Secrets (end of suite, services at DEBUG for `com.salesai` via `LOGGING_LEVEL_COM_SALESAI`): "
                + "%d log files (%d KB) hold neither `emulator-api-key`, `whsec_`, the decrypted webhook "
                + "secret(s) nor the transcript sentence \"%s\"; in `fathom_integration.integrations` %d "
                + "document(s), %d secret field(s), each in the `v1:<keyId>:<base64>` EncryptedValue form, and "
                + "no string anywhere holds `emulator-api-key` or `whsec_`.").formatted(logs.size(), bytes / 1024,
                TRANSCRIPT_SENTENCE, documents, secretFields));
    }

    /** Counts the secret-holding fields (asserting their form) and checks every string for plaintext secrets. */
    private static int checkSecretFields(Object value, String path, List<String> problems) {
        int secrets = 0;
        if (value instanceof Document document) {
            for (Map.Entry<String, Object> field : document.entrySet()) {
                String name = field.getKey().toLowerCase();
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                boolean secret = name.startsWith("encrypted") || name.contains("secret")
                        || (name.contains("apikey") && !name.startsWith("masked"));
                // a secret held with its metadata (the previous webhook secret and its expiry): its fields are checked
                if (secret && field.getValue() != null && !(field.getValue() instanceof Document)) {
                    secrets++;
                    if (!(field.getValue() instanceof String s) || !ENCRYPTED_VALUE.matcher(s).matches()) {
                        problems.add(fieldPath + " is not an EncryptedValue");
                    }
                }
                secrets += checkSecretFields(field.getValue(), fieldPath, problems);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                secrets += checkSecretFields(list.get(i), path + "[" + i + "]", problems);
            }
        } else if (value instanceof String s && (s.contains("emulator-api-key") || s.contains("whsec_"))) {
            problems.add(path + " holds a plaintext secret");
        }
        return secrets;
    }

    /** One non-JSON record on every partition of each consumed topic; returns the poison values per topic. */
    private static Map<String, Set<String>> producePoison(String nonce) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.config().kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all");
        Map<String, Set<String>> poison = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<String> topics = new ArrayList<>(DEAD_LETTERED);
            topics.add("fathom.integrations");
            for (String topic : topics) {
                for (PartitionInfo partition : producer.partitionsFor(topic)) {
                    String value = "not-json " + topic + "/" + partition.partition() + " " + nonce;
                    // fathom.integrations is compacted: a record needs a key (its userId)
                    producer.send(new ProducerRecord<>(topic, partition.partition(),
                            ("poison-" + nonce).getBytes(StandardCharsets.UTF_8),
                            value.getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
                    poison.computeIfAbsent(topic, t -> new HashSet<>()).add(value);
                }
            }
        }
        return poison;
    }

    /** Reads the DLTs from the beginning until every poison value was seen often enough or the timeout passed. */
    private static Map<String, Map<String, Integer>> awaitDeadLetters(Map<String, Set<String>> poisonByTopic,
            Map<String, Integer> copies, Duration timeout) {
        Map<String, Map<String, Integer>> found = new HashMap<>();
        DEAD_LETTERED.forEach(topic -> found.put(topic, new HashMap<>()));
        try (KafkaConsumer<byte[], byte[]> consumer = deadLettersFromTheBeginning()) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !allFound(found, poisonByTopic, copies)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String source = record.topic().substring(0, record.topic().length() - ".DLT".length());
                    String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                    if (poisonByTopic.getOrDefault(source, Set.of()).contains(value)) {
                        found.get(source).merge(value, 1, Integer::sum);
                    }
                }
            }
        }
        return found;
    }

    /** How many records on the consumed topics' DLTs carry one of these call ids (each event holds its callId). */
    private static int deadLettersMentioning(Set<String> callIds) {
        int found = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = deadLettersFromTheBeginning()) {
            Set<TopicPartition> partitions = consumer.assignment();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline)
                    && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                    if (callIds.stream().anyMatch(value::contains)) {
                        found++;
                    }
                }
            }
        }
        return found;
    }

    /** A consumer of every partition of the consumed topics' DLTs, from their beginning, committing nothing. */
    private static KafkaConsumer<byte[], byte[]> deadLettersFromTheBeginning() {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.config().kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : DEAD_LETTERED) {
            for (PartitionInfo info : consumer.partitionsFor(topic + ".DLT")) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static boolean allFound(Map<String, Map<String, Integer>> found, Map<String, Set<String>> poisonByTopic,
                                    Map<String, Integer> copies) {
        return DEAD_LETTERED.stream().allMatch(topic -> poisonByTopic.get(topic).stream()
                .allMatch(p -> found.get(topic).getOrDefault(p, 0) >= copies.get(topic)));
    }

    /** What one fault run measured: its table row, and the driver for what the sender saw. */
    private record FaultRun(FaultReport.Row row, WebhookDriver driver, String sampleFailureReason,
                            Set<String> callIds) {
    }

    /** Streams, injects the fault after a steady start, lets the stream run on, then checks and reports. */
    private static FaultRun runFault(String fault, String label, boolean mayExhaustRetries, int repeatsAllowed,
                                     Callable<Void> inject) throws Exception {
        WebhookDriver driver = new WebhookDriver(stack.config().url(StackService.FATHOM_EMULATOR), "rep-alice",
                label, STREAM_INTERVAL);
        Instant faultEnded;
        try {
            Thread.sleep(STEADY.toMillis());
            inject.call();
            faultEnded = Instant.now();
            Thread.sleep(STEADY.toMillis());
            // a claim left pending by a dedup-store outage is taken over after 60 s (INGEST_PENDING_STALE_AFTER)
            driver.finish(Duration.ofSeconds(90));
        } finally {
            driver.close();
        }
        List<WebhookDriver.Delivery> deliveries = driver.deliveries();
        List<WebhookDriver.Delivery> accepted = deliveries.stream().filter(WebhookDriver.Delivery::accepted).toList();
        Map<String, List<Document>> records = awaitSettled(label, accepted.size());
        Duration toRecover = Duration.between(faultEnded, Instant.now());

        int evaluated = 0;
        int failed = 0;
        int duplicateRecords = 0;
        int lost = 0;
        for (WebhookDriver.Delivery delivery : accepted) {
            List<Document> copies = records.getOrDefault(delivery.title, List.of());
            duplicateRecords += Math.max(0, copies.size() - 1);
            if (copies.isEmpty()) {
                lost++;
                continue;
            }
            String status = copies.get(0).getString("status");
            if ("evaluated".equals(status)) {
                evaluated++;
            } else if ("failed".equals(status)) {
                failed++;
            } else {
                lost++;
            }
        }
        Map<String, Integer> evaluations = evaluationsPerTitle(label);
        int repeatedRequests = 0;
        for (int count : evaluations.values()) {
            repeatedRequests += Math.max(0, count - 1);
        }
        FaultReport.Row row = new FaultReport.Row(fault, deliveries.size(), driver.rejections(), driver.answers(503),
                accepted.size(), evaluated, failed, duplicateRecords, repeatedRequests, lost, toRecover);
        REPORT.add(row);

        assertThat(accepted).as("deliveries accepted").hasSizeGreaterThan(20);
        assertThat(accepted).as("every delivery is eventually accepted (Svix retries)").hasSameSizeAs(deliveries);
        assertThat(lost).as("accepted but lost").isZero();
        assertThat(duplicateRecords).as("call records doubled").isZero();
        assertThat(repeatedRequests).as("OpenAI evaluations repeated").isLessThanOrEqualTo(repeatsAllowed);
        assertThat(records.keySet()).as("no call without an accepted delivery")
                .isSubsetOf(accepted.stream().map(d -> d.title).toList());
        List<String> reasons = records.values().stream().map(copies -> copies.get(0))
                .filter(r -> "failed".equals(r.getString("status")))
                .map(r -> r.get("failure", Document.class).getString("reason")).toList();
        if (mayExhaustRetries) {
            assertThat(reasons).as("failure reasons").allSatisfy(reason -> assertThat(reason).isNotBlank());
        } else {
            assertThat(failed).as("failed calls").isZero();
        }
        assertThat(evaluations.keySet()).hasSize(evaluated);
        String sample = reasons.isEmpty() ? "" : reasons.get(0);
        Set<String> callIds = new HashSet<>();
        records.values().forEach(copies -> callIds.add(copies.get(0).getString("_id")));
        return new FaultRun(row, driver, sample.length() > 120 ? sample.substring(0, 120) + "…" : sample, callIds);
    }

    /** Waits until every accepted call of this run has a final status; returns the records by title. */
    private static Map<String, List<Document>> awaitSettled(String label, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(SETTLE);
        Map<String, List<Document>> byTitle = Map.of();
        while (Instant.now().isBefore(deadline)) {
            byTitle = records(label);
            long settled = byTitle.values().stream().filter(copies -> Set.of("evaluated", "failed")
                    .contains(copies.get(0).getString("status"))).count();
            if (settled >= expected) {
                return byTitle;
            }
            Thread.sleep(250);
        }
        return byTitle;
    }

    private static Map<String, List<Document>> records(String label) {
        String prefix = "Fault " + label + " call ";
        Map<String, List<Document>> byTitle = new HashMap<>();
        try (MongoClient mongo = mongo()) {
            for (Document record : mongo.getDatabase("fathom_dashboard").getCollection("call_records").find()) {
                Document recorded = record.get("recorded", Document.class);
                String title = recorded == null ? null : recorded.getString("title");
                if (title != null && title.startsWith(prefix)) {
                    byTitle.computeIfAbsent(title, t -> new java.util.ArrayList<>()).add(record);
                }
            }
        }
        return byTitle;
    }

    /** How many evaluations the fake OpenAI answered per call of this run (the prompt carries the title). */
    private static Map<String, Integer> evaluationsPerTitle(String label) {
        java.util.regex.Pattern title = java.util.regex.Pattern.compile("Fault " + label + " call \\d{3}");
        Map<String, Integer> counts = new HashMap<>();
        for (String request : openAi.answeredEvaluations()) {
            java.util.regex.Matcher matcher = title.matcher(request);
            if (matcher.find()) {
                counts.merge(matcher.group(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Duration retryBudget() {
        Duration budget = Duration.ZERO;
        Duration wait = SharedStack.ANALYSIS_RETRY_INITIAL_INTERVAL;
        for (int delivery = 1; delivery < SharedStack.ANALYSIS_RETRY_ATTEMPTS; delivery++) {
            budget = budget.plus(wait);
            wait = wait.multipliedBy(2);
        }
        return budget.plus(RETRY_AFTER.multipliedBy(SharedStack.ANALYSIS_RETRY_ATTEMPTS));
    }

    /** "1 s, 2 s, 4 s": the waits between a record's deliveries. */
    private static String retryWaits() {
        List<String> waits = new ArrayList<>();
        Duration wait = SharedStack.ANALYSIS_RETRY_INITIAL_INTERVAL;
        for (int delivery = 1; delivery < SharedStack.ANALYSIS_RETRY_ATTEMPTS; delivery++) {
            waits.add(wait.toSeconds() + " s");
            wait = wait.multipliedBy(2);
        }
        return String.join(", ", waits);
    }

    private static Duration scaled(Duration duration) {
        return Duration.ofMillis(Math.round(duration.toMillis() * SCALE));
    }

    private static MongoClient mongo() {
        return MongoClients.create("mongodb://127.0.0.1:" + stack.config().mongoPort());
    }
}
