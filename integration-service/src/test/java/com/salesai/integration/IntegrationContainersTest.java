package com.salesai.integration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.salesai.schema.crypto.Aad;
import com.salesai.schema.crypto.EncryptedValue;
import com.salesai.schema.crypto.Keyring;
import com.salesai.schema.events.IntegrationChanged;
import com.salesai.schema.events.Topics;
import com.salesai.testsupport.ContainerImages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saving an integration against WireMock-as-Fathom with real {@code mongo} and {@code apache/kafka} images: the
 * document holds only ciphertext and the compacted {@code fathom.integrations} gets the change. Skipped without
 * Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.auth.dev-secret=" + Tokens.SECRET,
        "app.integration.public-base-url=https://hooks.example.test",
        "app.integration.republish-interval=1h",
        "app.fathom.retry.base-wait=10ms",
        "app.fathom.read-timeout=5s",
        "app.kafka.topics.calls-partitions=2",
        "app.kafka.topics.integrations-partitions=1"})
class IntegrationContainersTest {
    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.MONGO);
    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer(ContainerImages.KAFKA);
    static final WireMockServer FATHOM = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final String KEYS_SPEC = Keyring.generateKeySpec("t1");

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Keyring keyring;

    @DynamicPropertySource
    static void fathomAndKeyring(DynamicPropertyRegistry registry) {
        registry.add("app.fathom.base-url", () -> FATHOM.baseUrl() + "/external/v1");
        registry.add("app.crypto.keys", () -> KEYS_SPEC);
        registry.add("app.crypto.active-key", () -> "t1");
    }

    /** Started here, not in a static initializer, so a class skipped for lack of Docker starts nothing. */
    @BeforeAll
    static void startFathom() {
        FATHOM.start();
    }

    @AfterAll
    static void stopFathom() {
        FATHOM.stop();
    }

    @Test
    void saveStoresOnlyCiphertextInMongoAndPublishesTheChange() {
        String userId = "user-" + UUID.randomUUID();
        String apiKey = "fathom-key-" + UUID.randomUUID() + "-abcd";
        String secret = "whsec_c2VjcmV0LW9uZS1zZWNyZXQtb25l";
        FathomStub.meetings(FATHOM, apiKey, 1);
        FathomStub.webhookCreated(FATHOM, apiKey, "wh_first", secret);

        Api.Response saved = new Api(port).call("PUT", "/api/integrations/fathom",
                Tokens.forUser(userId, "org-1"), "{\"apiKey\":\"" + apiKey + "\"}");

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("webhookId").asString()).isEqualTo("wh_first");
        Document raw = mongo.getCollection("integrations").find(new Document("userId", userId)).first();
        assertThat(raw).isNotNull();
        assertThat(raw.toJson()).doesNotContain(apiKey).doesNotContain(secret);
        String storedSecret = raw.getString("encryptedWebhookSecret");
        assertThat(keyring.decrypt(EncryptedValue.parse(storedSecret),
                IntegrationChanged.webhookSecretAad(userId, "org-1")))
                .isEqualTo(secret);
        assertThat(keyring.decrypt(EncryptedValue.parse(raw.getString("encryptedApiKey")), Aad.of(userId, "apiKey")))
                .isEqualTo(apiKey);
        assertThat(raw.getBoolean("pendingPublish")).isFalse();

        List<ConsumerRecord<String, String>> events = KafkaProbe.readAll(KAFKA.getBootstrapServers(),
                Topics.INTEGRATIONS).stream().filter(r -> userId.equals(r.key())).toList();
        assertThat(events).hasSize(1);
        JsonNode event = Api.json(events.get(0).value());
        assertThat(event.path("status").asString()).isEqualTo("active");
        assertThat(event.path("orgId").asString()).isEqualTo("org-1");
        assertThat(event.path("webhookId").asString()).isEqualTo("wh_first");
        assertThat(event.path("encryptedWebhookSecret").asString()).isEqualTo(storedSecret);
        assertThat(event.path("version").asLong()).isEqualTo(raw.getLong("version"));
    }
}
