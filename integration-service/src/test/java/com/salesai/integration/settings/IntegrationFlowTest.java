package com.salesai.integration.settings;

import com.salesai.integration.Api;
import com.salesai.integration.FathomStub;
import com.salesai.integration.IntegrationTestBase;
import com.salesai.integration.KafkaProbe;
import com.salesai.integration.Tokens;
import com.salesai.schema.crypto.Aad;
import com.salesai.schema.crypto.EncryptedValue;
import com.salesai.schema.crypto.Keyring;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class IntegrationFlowTest extends IntegrationTestBase {
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    Keyring keyring;

    private final String userId = "user-" + UUID.randomUUID();
    private final String token = Tokens.forUser(userId, "org-1");
    private final String apiKey = "fathom-key-" + UUID.randomUUID() + "-abcd";

    @Test
    void saveCreatesTheWebhookStoresOnlyCiphertextAndPublishesTheChange() {
        FathomStub.meetings(FATHOM, apiKey, 3);
        FathomStub.webhookCreated(FATHOM, apiKey, "wh_first", "whsec_c2VjcmV0LW9uZS1zZWNyZXQtb25l");

        Api.Response saved = api().call("PUT", "/api/integrations/fathom", token,
                "{\"apiKey\":\"" + apiKey + "\"}");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("webhookId").asString()).isEqualTo("wh_first");
        assertThat(saved.json().path("destinationUrl").asString())
                .isEqualTo("https://hooks.example.test/api/webhooks/fathom/" + userId);
        assertThat(saved.json().path("status").asString()).isEqualTo("active");
        assertThat(saved.body()).doesNotContain("whsec_").doesNotContain(apiKey);
        FATHOM.verify(postRequestedFor(urlPathEqualTo(FathomStub.WEBHOOKS)).withRequestBody(equalToJson("""
                {"destination_url": "https://hooks.example.test/api/webhooks/fathom/%s",
                 "include_transcript": true, "include_action_items": true, "include_summary": true,
                 "include_crm_matches": false, "triggered_for": ["my_recordings","shared_external_recordings"]}"""
                .formatted(userId), false, false)));

        Document raw = mongo.getCollection("integrations").find(new Document("userId", userId)).first();
        assertThat(raw).isNotNull();
        assertThat(raw.toJson()).doesNotContain(apiKey).doesNotContain("whsec_c2VjcmV0");
        String storedSecret = raw.getString("encryptedWebhookSecret");
        assertThat(keyring.decrypt(EncryptedValue.parse(storedSecret), Aad.of(userId, "webhookSecret")))
                .isEqualTo("whsec_c2VjcmV0LW9uZS1zZWNyZXQtb25l");
        assertThat(keyring.decrypt(EncryptedValue.parse(raw.getString("encryptedApiKey")), Aad.of(userId, "apiKey")))
                .isEqualTo(apiKey);

        List<ConsumerRecord<String, String>> events = eventsOf(userId);
        assertThat(events).hasSize(1);
        JsonNode event = Api.json(events.get(0).value());
        assertThat(event.path("status").asString()).isEqualTo("active");
        assertThat(event.path("orgId").asString()).isEqualTo("org-1");
        assertThat(event.path("webhookId").asString()).isEqualTo("wh_first");
        assertThat(event.path("encryptedWebhookSecret").asString()).isEqualTo(storedSecret);
        assertThat(event.path("version").asLong()).isEqualTo(raw.getLong("version"));
        assertThat(raw.getBoolean("pendingPublish")).isFalse();

        Api.Response view = api().call("GET", "/api/integrations/fathom", token, null);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().path("maskedApiKey").asString()).isEqualTo("••••abcd");
        assertThat(view.json().path("webhookId").asString()).isEqualTo("wh_first");
        assertThat(view.body()).doesNotContain(apiKey).doesNotContain("whsec_");
    }

    @Test
    void resaveReplacesTheWebhookDeletesTheOldOneAndBumpsTheVersion() {
        FathomStub.meetings(FATHOM, apiKey, 1);
        FathomStub.webhookCreated(FATHOM, apiKey, "wh_old", "whsec_b2xkLXNlY3JldC1vbGQtc2VjcmV0");
        assertThat(api().call("PUT", "/api/integrations/fathom", token, "{\"apiKey\":\"" + apiKey + "\"}").status())
                .isEqualTo(200);
        FathomStub.webhookCreated(FATHOM, apiKey, "wh_new", "whsec_bmV3LXNlY3JldC1uZXctc2VjcmV0");

        Api.Response second = api().call("PUT", "/api/integrations/fathom", token, "{\"apiKey\":\"" + apiKey + "\"}");

        assertThat(second.json().path("webhookId").asString()).isEqualTo("wh_new");
        FATHOM.verify(1, deleteRequestedFor(urlPathEqualTo(FathomStub.WEBHOOKS + "/wh_old"))
                .withHeader("X-Api-Key", equalTo(apiKey)));
        FATHOM.verify(0, deleteRequestedFor(urlPathEqualTo(FathomStub.WEBHOOKS + "/wh_new")));
        List<ConsumerRecord<String, String>> events = eventsOf(userId);
        assertThat(events).hasSize(2);
        long firstVersion = Api.json(events.get(0).value()).path("version").asLong();
        JsonNode latest = Api.json(events.get(1).value());
        assertThat(latest.path("version").asLong()).isGreaterThan(firstVersion);
        assertThat(latest.path("webhookId").asString()).isEqualTo("wh_new");
    }

    @Test
    void deleteRemovesWebhookAndSecretsAndPublishesATombstone() {
        FathomStub.meetings(FATHOM, apiKey, 1);
        FathomStub.webhookCreated(FATHOM, apiKey, "wh_gone", "whsec_Z29uZS1zZWNyZXQtZ29uZS1zZWNy");
        api().call("PUT", "/api/integrations/fathom", token, "{\"apiKey\":\"" + apiKey + "\"}");
        FATHOM.stubFor(delete(urlPathEqualTo(FathomStub.WEBHOOKS + "/wh_gone")).willReturn(aResponse().withStatus(404)));

        Api.Response deleted = api().call("DELETE", "/api/integrations/fathom", token, null);

        assertThat(deleted.status()).isEqualTo(204);
        FATHOM.verify(1, deleteRequestedFor(urlPathEqualTo(FathomStub.WEBHOOKS + "/wh_gone")));
        List<ConsumerRecord<String, String>> events = eventsOf(userId);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).value()).isNull();
        assertThat(mongo.getCollection("integrations").countDocuments(new Document("userId", userId))).isZero();
        Api.Response after = api().call("GET", "/api/integrations/fathom", token, null);
        assertThat(after.status()).isEqualTo(404);
        assertThat(after.contentType()).contains("application/problem+json");
        assertThat(api().call("DELETE", "/api/integrations/fathom", token, null).status()).isEqualTo(404);
    }

    @Test
    void anInvalidKeyIsNotSaved() {
        FATHOM.stubFor(get(urlPathEqualTo(FathomStub.MEETINGS)).withHeader("X-Api-Key", equalTo(apiKey))
                .willReturn(aResponse().withStatus(401)));

        Api.Response saved = api().call("PUT", "/api/integrations/fathom", token, "{\"apiKey\":\"" + apiKey + "\"}");

        assertThat(saved.status()).isEqualTo(422);
        assertThat(saved.json().path("detail").asString()).isEqualTo("Invalid API key - please check your credentials");
        FATHOM.verify(0, postRequestedFor(urlPathEqualTo(FathomStub.WEBHOOKS)));
        assertThat(mongo.getCollection("integrations").countDocuments(new Document("userId", userId))).isZero();
    }

    @Test
    void anotherUsersIntegrationIsNeverVisible() {
        FathomStub.meetings(FATHOM, apiKey, 1);
        FathomStub.webhookCreated(FATHOM, apiKey, "wh_mine", "whsec_bWluZS1zZWNyZXQtbWluZS1zZWNy");
        api().call("PUT", "/api/integrations/fathom", token, "{\"apiKey\":\"" + apiKey + "\"}");
        String otherToken = Tokens.forUser("other-" + UUID.randomUUID(), "org-1");

        assertThat(api().call("GET", "/api/integrations/fathom", otherToken, null).status()).isEqualTo(404);
        assertThat(api().call("DELETE", "/api/integrations/fathom", otherToken, null).status()).isEqualTo(404);
        assertThat(api().call("GET", "/api/integrations/fathom", token, null).status()).isEqualTo(200);
    }

    private List<ConsumerRecord<String, String>> eventsOf(String user) {
        return KafkaProbe.readAll(broker, Topics.INTEGRATIONS).stream().filter(r -> user.equals(r.key())).toList();
    }
}
