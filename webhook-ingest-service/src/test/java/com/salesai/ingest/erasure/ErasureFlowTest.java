package com.salesai.ingest.erasure;

import com.salesai.ingest.IngestSpringTest;
import com.salesai.ingest.WebhookClient;
import com.salesai.schema.events.CallErased;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Through calls.erased, Mongo and HTTP: an erased call is tombstoned on calls.recorded, and a later delivery of the
 * same recording (a Svix retry, a new webhook id, another member's URL) is a duplicate that publishes nothing.
 */
class ErasureFlowTest extends IngestSpringTest {
    @Autowired
    MongoTemplate mongo;

    @Test
    void anErasedCallIsTombstonedAndItsRedeliveryIsADuplicateThatPublishesNothing() {
        TestUser alice = activeUser();
        String recording = meeting(4242);
        String webhookId = WebhookClient.newWebhookId();
        HttpResponse<String> first = client().deliver(alice, webhookId, recording);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        String callId = EventJson.mapper().readTree(first.body()).get("callIds").get(0).stringValue();

        send(Topics.CALLS_ERASED, callId, EventJson.mapper().writeValueAsString(
                CallErased.of(callId, alice.orgId(), alice.userId(), Instant.now())));

        List<ConsumerRecord<String, byte[]>> records = topic(Topics.CALLS_RECORDED)
                .read(r -> callId.equals(r.key()) && r.value() == null, 1, Duration.ofSeconds(20), Duration.ZERO);
        assertThat(records).as("tombstone of " + callId).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "erased".equals(claimOf(alice.orgId(), callId)
                .getString("state")));
        assertThat(claimOf(alice.orgId(), callId)).as("kept beyond the dedup TTL").doesNotContainKey("createdAt");

        HttpResponse<String> retry = client().deliver(alice, webhookId, recording);
        HttpResponse<String> again = client().deliver(alice, WebhookClient.newWebhookId(), recording);

        for (HttpResponse<String> response : List.of(retry, again)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(EventJson.mapper().readTree(response.body()).get("duplicate").booleanValue()).isTrue();
            assertThat(EventJson.mapper().readTree(response.body()).get("callIds").get(0).stringValue())
                    .isEqualTo(callId);
        }
        // both answered after the service's publishes were acknowledged: what was published is on the topic
        assertThat(topic(Topics.CALLS_RECORDED).read(r -> callId.equals(r.key()), 2, Duration.ofSeconds(10),
                Duration.ofSeconds(2))).as("the first publish and the tombstone, nothing after")
                .extracting(r -> r.value() == null).containsExactly(false, true);
    }

    private Document claimOf(String orgId, String callId) {
        Document claim = mongo.getCollection("call_claims").find(new Document("_id", orgId + '\u0000' + callId))
                .first();
        return claim == null ? new Document() : claim;
    }

    private static String meeting(long recordingId) {
        return "{\"recording_id\":" + recordingId + ",\"title\":\"Discovery " + recordingId + "\","
                + "\"url\":\"https://fathom.video/calls/" + recordingId + "\","
                + "\"recorded_by\":{\"name\":\"Rep One\",\"email\":\"rep@acme.com\"},"
                + "\"transcript\":[{\"speaker\":{\"display_name\":\"Rep One\"},\"text\":\"Bonjour\","
                + "\"timestamp\":\"00:00:05\"}]}";
    }
}
