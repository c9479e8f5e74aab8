package com.salesai.ingest;

import com.salesai.ingest.secrets.IntegrationView;
import com.salesai.schema.crypto.Keyring;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.CallSource;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.IntegrationChanged;
import com.salesai.schema.events.IntegrationStatus;
import com.salesai.schema.events.SourceFormat;
import com.salesai.schema.events.Topics;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import com.salesai.testsupport.ContainerImages;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook flow against real {@code mongo} and {@code apache/kafka} images: the dedup claims live in a real
 * MongoDB (unique index) and the call is published with acks=all/idempotence to a real broker. Skipped without
 * Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.auth.dev-secret=test-secret-of-at-least-32-characters!",
        "app.kafka.topics.calls-partitions=2",
        "app.kafka.topics.quarantine-partitions=1"})
class IngestContainersTest {
    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.MONGO);
    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer(ContainerImages.KAFKA);

    private static final Keyring KEYRING = Keyring.generate("test1");

    @LocalServerPort
    int port;
    @Autowired
    IntegrationView view;

    @DynamicPropertySource
    static void keyring(DynamicPropertyRegistry registry) {
        registry.add("app.crypto.keys", KEYRING::spec);
        registry.add("app.crypto.active-key", KEYRING::activeKeyId);
    }

    /**
     * The integration view assigns the partitions of {@code fathom.integrations} at start-up (integration-service
     * owns that topic), so it must exist before the context starts; static {@code @BeforeAll} runs before it does.
     */
    @BeforeAll
    static void createIntegrationsTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.getBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.INTEGRATIONS, 1, (short) 1))).all().get();
        }
    }

    @Test
    void signedFathomMeetingIsPublishedOnceAndItsRetryIsADuplicate() {
        IngestSpringTest.TestUser user = activeUser();
        WebhookClient client = new WebhookClient(port);
        String webhookId = WebhookClient.newWebhookId();
        String body = payload("fathom-meeting.json");

        HttpResponse<String> first = client.deliver(user, webhookId, body);
        HttpResponse<String> retry = client.deliver(user, webhookId, body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        JsonNode accepted = EventJson.mapper().readTree(first.body());
        assertThat(accepted.get("callIds")).hasSize(1);
        String callId = accepted.get("callIds").get(0).stringValue();
        assertThat(EventJson.mapper().readTree(retry.body()).get("duplicate").booleanValue()).isTrue();

        List<ConsumerRecord<String, byte[]>> records = new TopicReader(KAFKA.getBootstrapServers(),
                Topics.CALLS_RECORDED).read(r -> callId.equals(r.key()), 1, Duration.ofSeconds(30),
                Duration.ofSeconds(2));
        assertThat(records).hasSize(1);
        CallRecorded call = EventJson.mapper().readValue(records.get(0).value(), CallRecorded.class);
        assertThat(call.userId()).isEqualTo(user.userId());
        assertThat(call.orgId()).isEqualTo(user.orgId());
        assertThat(call.source()).isEqualTo(CallSource.WEBHOOK);
        assertThat(call.sourceFormat()).isEqualTo(SourceFormat.FATHOM_MEETING);
        assertThat(call.title()).isEqualTo("Globex x Acme - Discovery");
        assertThat(call.transcript()).hasSize(6);
    }

    /** A fresh user whose active integration (secret encrypted with the shared keyring) the view has applied. */
    private IngestSpringTest.TestUser activeUser() {
        IngestSpringTest.TestUser user = new IngestSpringTest.TestUser("user-" + UUID.randomUUID(),
                "org-" + UUID.randomUUID(), StandardWebhooksSigner.newSecret());
        String encrypted = KEYRING.encrypt(user.secret(),
                IntegrationChanged.webhookSecretAad(user.userId(), user.orgId())).format();
        IntegrationChanged changed = new IntegrationChanged(IntegrationChanged.SCHEMA_VERSION, UUID.randomUUID(),
                Instant.now(), user.userId(), user.orgId(), "rep@acme.com", "Rep One",
                IntegrationChanged.PLATFORM_FATHOM, IntegrationStatus.ACTIVE, "wh-" + user.userId(), encrypted, 1,
                Instant.now(), null, null, null);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", KAFKA.getBootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.INTEGRATIONS, user.userId(),
                    EventJson.mapper().writeValueAsString(changed))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> view.activeIntegration(user.userId()).isPresent());
        return user;
    }

    private static String payload(String resource) {
        try (InputStream in = IngestContainersTest.class.getResourceAsStream("/payloads/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
