package com.salesai.integration.settings;

import com.salesai.integration.Api;
import com.salesai.integration.FathomStub;
import com.salesai.integration.IntegrationTestBase;
import com.salesai.integration.KafkaProbe;
import com.salesai.integration.Tokens;
import com.salesai.schema.crypto.Aad;
import com.salesai.schema.crypto.EncryptedValue;
import com.salesai.schema.crypto.Keyring;
import com.salesai.schema.events.IntegrationChanged;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.time.Duration;
import java.time.Instant;

import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
        assertThat(keyring.decrypt(EncryptedValue.parse(storedSecret),
                IntegrationChanged.webhookSecretAad(userId, "org-1")))
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

    @Test
    void teamRecordingsAddsTheThirdTriggerAndChangesNothingElse() {
        FathomStub.meetings(FATHOM, apiKey, 1);
        FathomStub.webhookCreated(FATHOM, apiKey, "ikEoQ4bVoq4JYUmc", "whsec_dGVhbS1zZWNyZXQtdGVhbS1zZWNy");

        Api.Response saved = api().call("PUT", "/api/integrations/fathom", token,
                "{\"apiKey\":\"" + apiKey + "\",\"teamRecordings\":true}");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("teamRecordings").asBoolean()).isTrue();
        JsonNode sent = Api.json(FATHOM.findAll(postRequestedFor(urlPathEqualTo(FathomStub.WEBHOOKS))).get(0)
                .getBodyAsString());
        JsonNode design = Api.json("""
                {"destination_url": "https://hooks.example.test/api/webhooks/fathom/%s",
                 "include_transcript": true, "include_action_items": true, "include_summary": true,
                 "include_crm_matches": false, "triggered_for": ["my_recordings","shared_external_recordings"]}"""
                .formatted(userId));
        ((ArrayNode) design.path("triggered_for")).add("my_shared_with_team_recordings");
        assertThat(sent).isEqualTo(design);
        assertThat(api().call("GET", "/api/integrations/fathom", token, null).json().path("teamRecordings")
                .asBoolean()).isTrue();
    }

    @Test
    void fathomEmailDefaultsToTheTokensIsValidatedKeptAcrossResavesAndPublished() {
        FathomStub.meetings(FATHOM, apiKey, 1);
        FathomStub.webhookCreated(FATHOM, apiKey, "wh_mail", "whsec_bWFpbC1zZWNyZXQtbWFpbC1zZWNy");

        Api.Response bad = api().call("PUT", "/api/integrations/fathom", token,
                "{\"apiKey\":\"" + apiKey + "\",\"fathomEmail\":\"Alice Martin\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        FATHOM.verify(0, anyRequestedFor(anyUrl()));

        api().call("PUT", "/api/integrations/fathom", token, "{\"apiKey\":\"" + apiKey + "\"}");
        Api.Response explicit = api().call("PUT", "/api/integrations/fathom", token,
                "{\"apiKey\":\"" + apiKey + "\",\"fathomEmail\":\" Alice.Martin@Acme.com \"}");

        Api.Response kept = api().call("PUT", "/api/integrations/fathom", token, "{\"apiKey\":\"" + apiKey + "\"}");

        assertThat(explicit.json().path("fathomEmail").asString()).isEqualTo("Alice.Martin@Acme.com");
        assertThat(kept.json().path("fathomEmail").asString()).as("a re-save keeps it").isEqualTo("Alice.Martin@Acme.com");
        List<ConsumerRecord<String, String>> events = eventsOf(userId);
        assertThat(Api.json(events.get(0).value()).path("fathomEmail").asString()).isEqualTo(userId + "@acme.com");
        assertThat(Api.json(events.get(1).value()).path("fathomEmail").asString()).isEqualTo("Alice.Martin@Acme.com");
        assertThat(Api.json(events.get(2).value()).path("fathomEmail").asString()).isEqualTo("Alice.Martin@Acme.com");
    }

    @Test
    void aFathomEmailNoRecentMeetingWasRecordedWithIsWarnedAboutAndCanBeCorrectedWithoutANewKey() {
        FathomStub.meetings(FATHOM, apiKey, 3); // all recorded by alice@acme.com
        FathomStub.webhookCreated(FATHOM, apiKey, "wh_check", "whsec_Y2hlY2stc2VjcmV0LWNoZWNrLXNl");

        Api.Response saved = api().call("PUT", "/api/integrations/fathom", token, "{\"apiKey\":\"" + apiKey + "\"}");

        assertThat(saved.json().path("fathomEmail").asString()).isEqualTo(userId + "@acme.com");
        assertThat(saved.json().path("recorderEmailSeen").asBoolean()).isFalse();
        assertThat(saved.json().path("recorderEmailsSeen").toString()).isEqualTo("[\"alice@acme.com\"]");
        assertThat(saved.json().path("fathomEmailWarning").asString()).contains("alice@acme.com");
        assertThat(api().call("GET", "/api/integrations/fathom", token, null).json().path("recorderEmailSeen")
                .asBoolean()).isFalse();
        FATHOM.resetRequests();

        Api.Response corrected = api().call("PATCH", "/api/integrations/fathom", token,
                "{\"fathomEmail\":\"Alice@Acme.com\"}");

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().path("fathomEmail").asString()).isEqualTo("Alice@Acme.com");
        assertThat(corrected.json().path("recorderEmailSeen").asBoolean()).isTrue();
        assertThat(corrected.json().has("fathomEmailWarning")).isFalse();
        FATHOM.verify(0, anyRequestedFor(anyUrl()));
        List<ConsumerRecord<String, String>> events = eventsOf(userId);
        assertThat(events).hasSize(2);
        JsonNode before = Api.json(events.get(0).value());
        JsonNode after = Api.json(events.get(1).value());
        assertThat(after.path("fathomEmail").asString()).isEqualTo("Alice@Acme.com");
        assertThat(after.path("version").asLong()).isGreaterThan(before.path("version").asLong());
        assertThat(after.path("encryptedWebhookSecret").asString())
                .isEqualTo(before.path("encryptedWebhookSecret").asString());
        assertThat(api().call("PATCH", "/api/integrations/fathom", token, "{\"fathomEmail\":\"nope\"}").status())
                .isEqualTo(400);
        assertThat(api().call("PATCH", "/api/integrations/fathom", Tokens.forUser("nobody-" + UUID.randomUUID(),
                "org-1"), "{\"fathomEmail\":\"a@b.example\"}").status()).isEqualTo(404);
    }

    @Test
    void aResavePublishesThePreviousSecretForTheGrace() {
        FathomStub.meetings(FATHOM, apiKey, 1);
        FathomStub.webhookCreated(FATHOM, apiKey, "wh_one", "whsec_b25lLXNlY3JldC1vbmUtc2VjcmV0");
        api().call("PUT", "/api/integrations/fathom", token, "{\"apiKey\":\"" + apiKey + "\"}");
        FathomStub.webhookCreated(FATHOM, apiKey, "wh_two", "whsec_dHdvLXNlY3JldC10d28tc2VjcmV0");

        Instant resaved = Instant.now();
        api().call("PUT", "/api/integrations/fathom", token, "{\"apiKey\":\"" + apiKey + "\"}");

        List<ConsumerRecord<String, String>> events = eventsOf(userId);
        JsonNode first = Api.json(events.get(0).value());
        JsonNode second = Api.json(events.get(1).value());
        assertThat(first.path("previousEncryptedWebhookSecret").isMissingNode()
                || first.path("previousEncryptedWebhookSecret").isNull()).isTrue();
        String previous = second.path("previousEncryptedWebhookSecret").asString();
        assertThat(previous).isEqualTo(first.path("encryptedWebhookSecret").asString());
        assertThat(keyring.decrypt(EncryptedValue.parse(previous),
                IntegrationChanged.webhookSecretAad(userId, "org-1")))
                .isEqualTo("whsec_b25lLXNlY3JldC1vbmUtc2VjcmV0");
        assertThat(keyring.decrypt(EncryptedValue.parse(second.path("encryptedWebhookSecret").asString()),
                IntegrationChanged.webhookSecretAad(userId, "org-1"))).isEqualTo("whsec_dHdvLXNlY3JldC10d28tc2VjcmV0");
        assertThat(Instant.parse(second.path("previousSecretExpiresAt").asString()))
                .isBetween(resaved.plus(Duration.ofHours(24)), Instant.now().plus(Duration.ofHours(24)));
    }

    private List<ConsumerRecord<String, String>> eventsOf(String user) {
        return KafkaProbe.readAll(broker, Topics.INTEGRATIONS).stream().filter(r -> user.equals(r.key())).toList();
    }
}
