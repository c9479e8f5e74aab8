package com.salesai.ingest;

import com.salesai.ingest.secrets.IntegrationView;
import com.salesai.schema.crypto.Keyring;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.IntegrationChanged;
import com.salesai.schema.events.IntegrationStatus;
import com.salesai.schema.events.Topics;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import com.salesai.testsupport.EmbeddedMongo;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * One Spring context for the module's flow tests (cached across classes): embedded Kafka with
 * {@code fathom.integrations}, in-memory Mongo, and a generated keyring shared by the service and the tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.auth.dev-secret=test-secret-of-at-least-32-characters!",
        "app.kafka.topics.calls-partitions=2",
        "app.kafka.topics.quarantine-partitions=1",
        "app.kafka.topics.max-body-bytes=65536",
        "app.ingest.pending-wait=20s"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = {Topics.INTEGRATIONS, Topics.CALLS_ERASED})
@EmbeddedMongo
public abstract class IngestSpringTest {
    protected static final Keyring KEYRING = Keyring.generate("test1");
    protected static final long MAX_BODY_BYTES = 65536;

    @LocalServerPort
    protected int port;
    @Autowired
    protected EmbeddedKafkaBroker broker;
    @Autowired
    protected IntegrationView view;

    @DynamicPropertySource
    static void keyring(DynamicPropertyRegistry registry) {
        registry.add("app.crypto.keys", KEYRING::spec);
        registry.add("app.crypto.active-key", KEYRING::activeKeyId);
    }

    /** A fresh user, alone in a fresh organization, with an active integration known to the view when this returns. */
    protected TestUser activeUser() {
        return activeMember("org-" + UUID.randomUUID(), "rep@acme.com", null);
    }

    /**
     * A fresh member of {@code orgId} with an active integration, recording in Fathom as {@code fathomEmail} (null:
     * as {@code userEmail}); known to the view, as an integration and as a recorder, when this returns.
     */
    protected TestUser activeMember(String orgId, String userEmail, String fathomEmail) {
        TestUser user = new TestUser("user-" + UUID.randomUUID(), orgId, StandardWebhooksSigner.newSecret());
        publish(integration(user, IntegrationStatus.ACTIVE, 1, userEmail, fathomEmail, null, null));
        awaitVersion(user, 1);
        return user;
    }

    /**
     * Re-saved as integration-service does: a new webhook secret, the replaced one honoured until
     * {@code previousSecretExpiresAt}; returns the user with the new secret once the view holds {@code version}.
     */
    protected TestUser resave(TestUser user, long version, Instant previousSecretExpiresAt) {
        TestUser resaved = new TestUser(user.userId(), user.orgId(), StandardWebhooksSigner.newSecret());
        publish(integration(resaved, IntegrationStatus.ACTIVE, version, "rep@acme.com", null,
                encrypted(user), previousSecretExpiresAt));
        awaitVersion(resaved, version);
        return resaved;
    }

    /**
     * A forged change as someone writing to {@code fathom.integrations} could publish: the user's genuine ciphertext,
     * copied into an event that claims another organization; returns once the view applied it (holds no integration
     * for the user any more).
     */
    protected void publishMovedToOrganization(TestUser user, String otherOrgId, long version) {
        IntegrationChanged genuine = integration(user, IntegrationStatus.ACTIVE, version, "rep@acme.com", null, null,
                null);
        publish(new IntegrationChanged(genuine.schemaVersion(), genuine.eventId(), genuine.occurredAt(),
                genuine.userId(), otherOrgId, genuine.userEmail(), genuine.userName(), genuine.platform(),
                genuine.status(), genuine.webhookId(), genuine.encryptedWebhookSecret(), version, genuine.changedAt(),
                null, null, null));
        await().atMost(Duration.ofSeconds(15)).until(() -> view.activeIntegration(user.userId()).isEmpty());
    }

    private void awaitVersion(TestUser user, long version) {
        await().atMost(Duration.ofSeconds(15)).until(() -> view.activeIntegration(user.userId())
                .filter(integration -> integration.version() == version).isPresent());
    }

    private static IntegrationChanged integration(TestUser user, IntegrationStatus status, long version,
                                                  String userEmail, String fathomEmail,
                                                  String previousEncryptedSecret, Instant previousSecretExpiresAt) {
        return new IntegrationChanged(IntegrationChanged.SCHEMA_VERSION, UUID.randomUUID(), Instant.now(),
                user.userId(), user.orgId(), userEmail, "Rep One", IntegrationChanged.PLATFORM_FATHOM, status,
                "wh-" + user.userId(), encrypted(user), version, Instant.now(), previousEncryptedSecret,
                previousSecretExpiresAt, fathomEmail);
    }

    private static String encrypted(TestUser user) {
        return KEYRING.encrypt(user.secret(), IntegrationChanged.webhookSecretAad(user.userId(), user.orgId())).format();
    }

    private void publish(IntegrationChanged changed) {
        send(changed.userId(), EventJson.mapper().writeValueAsString(changed));
    }

    protected void publishTombstone(String userId) {
        send(userId, null);
    }

    private void send(String key, String value) {
        send(Topics.INTEGRATIONS, key, value);
    }

    protected void send(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", broker.getBrokersAsString()), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected WebhookClient client() {
        return new WebhookClient(port);
    }

    protected TopicReader topic(String topic) {
        return new TopicReader(broker.getBrokersAsString(), topic);
    }

    public record TestUser(String userId, String orgId, String secret) {
    }
}
