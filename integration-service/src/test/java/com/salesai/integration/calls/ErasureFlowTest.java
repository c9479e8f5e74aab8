package com.salesai.integration.calls;

import com.salesai.integration.Api;
import com.salesai.integration.FathomStub;
import com.salesai.integration.IntegrationTestBase;
import com.salesai.integration.KafkaProbe;
import com.salesai.integration.Tokens;
import com.salesai.schema.events.CallErased;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Topics;
import com.salesai.schema.events.UserCallsErasureRequested;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * calls.erased → the import bookkeeping: an erased call is forgotten (who brought it) but stays known, so importing
 * it again publishes nothing; deleting an integration with eraseCalls=true asks for the member's calls to be erased.
 */
class ErasureFlowTest extends IntegrationTestBase {
    private static final String IMPORT = "/api/integrations/fathom/import";

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;

    private final String userId = "eraser-" + UUID.randomUUID();
    private final String orgId = "org-erase-" + UUID.randomUUID();
    private final String token = Tokens.forUser(userId, orgId);
    private final String apiKey = "erase-key-" + UUID.randomUUID();

    @Test
    void anErasedCallIsForgottenByTheImportAndNeverImportedAgain() {
        connect();
        assertThat(awaitImport().path("imported").asInt()).isEqualTo(1);
        String callId = publishedCallIds().get(0);

        send(Topics.CALLS_ERASED, callId, EventJson.mapper().writeValueAsString(
                CallErased.of(callId, orgId, userId, Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> knownCall(callId).getBoolean("erased", false));
        assertThat(knownCall(callId)).doesNotContainKeys("receivedBy", "source", "orgId");
        JsonNode again = awaitImport();
        assertThat(again.path("imported").asInt()).isZero();
        assertThat(again.path("skippedDuplicates").asInt()).isEqualTo(1);
        assertThat(publishedCallIds()).containsExactly(callId);
    }

    @Test
    void deletingTheIntegrationWithItsCallsAsksForThemToBeErasedBeforeTheTombstone() {
        assertThat(api().call("DELETE", "/api/integrations/fathom?eraseCalls=true", token, null).status())
                .as("no integration").isEqualTo(404);
        connect();

        assertThat(api().call("DELETE", "/api/integrations/fathom?eraseCalls=true", token, null).status())
                .isEqualTo(204);

        List<ConsumerRecord<String, String>> requests = KafkaProbe.readAll(broker, Topics.CALLS_ERASURE_REQUESTED)
                .stream().filter(r -> userId.equals(r.key())).toList();
        assertThat(requests).hasSize(1);
        UserCallsErasureRequested request = EventJson.mapper().readValue(requests.get(0).value(),
                UserCallsErasureRequested.class);
        assertThat(request.orgId()).isEqualTo(orgId);
        assertThat(request.requestedBy()).isEqualTo(userId);
        assertThat(KafkaProbe.readAll(broker, Topics.INTEGRATIONS).stream()
                .filter(r -> userId.equals(r.key())).reduce((a, b) -> b).orElseThrow().value()).isNull();
    }

    private void connect() {
        FathomStub.pages(FATHOM, apiKey, List.of(FathomStub.meetingJson(FathomStub.recordingIdOf(apiKey, 0), 0,
                "someone@acme.com", "2025-03-05T10:00:00Z")), FathomStub.PAGE_SIZE, null);
        FathomStub.webhookCreated(FATHOM, apiKey, "wh-" + userId, "whsec_ZXJhc3VyZS1zZWNyZXQtZXJhc3VyZS0=");
        assertThat(api().call("PUT", "/api/integrations/fathom", token, "{\"apiKey\":\"" + apiKey + "\"}").status())
                .isEqualTo(200);
    }

    private JsonNode awaitImport() {
        Api.Response started = api().call("POST", IMPORT, token, "{}");
        assertThat(started.status()).isEqualTo(202);
        String jobId = started.json().path("jobId").asString();
        return await().atMost(Duration.ofSeconds(30)).until(() -> api().call("GET", IMPORT + "/" + jobId, token, null)
                .json(), job -> !"running".equals(job.path("status").asString()));
    }

    private List<String> publishedCallIds() {
        return KafkaProbe.readAll(broker, Topics.CALLS_RECORDED).stream().filter(r -> r.value() != null)
                .filter(r -> orgId.equals(Api.json(r.value()).path("orgId").asString())).map(ConsumerRecord::key)
                .toList();
    }

    private Document knownCall(String callId) {
        Document known = mongo.getCollection(KnownCalls.COLLECTION).find(new Document("_id", callId)).first();
        return known == null ? new Document() : known;
    }

    private void send(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", broker.getBrokersAsString()), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
