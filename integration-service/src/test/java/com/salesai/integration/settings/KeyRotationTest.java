package com.salesai.integration.settings;

import com.salesai.integration.Api;
import com.salesai.integration.IntegrationTestBase;
import com.salesai.integration.KafkaProbe;
import com.salesai.schema.crypto.Aad;
import com.salesai.schema.crypto.CryptoException;
import com.salesai.schema.crypto.EncryptedValue;
import com.salesai.schema.crypto.Keyring;
import com.salesai.schema.events.IntegrationChanged;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRotationTest extends IntegrationTestBase {
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    Keyring keyring;

    @Test
    void reencryptsValuesOfARetiredKeyUnderTheOrganizationBoundAadAndRepublishesTheSecret() {
        String userId = "rotated-" + UUID.randomUUID();
        Keyring retired = Keyring.parse(KEYS_SPEC, "t0");
        mongo.save(new StoredIntegration(StoredIntegration.idOf(userId), userId, "fathom", "org-r", null, null,
                StoredIntegration.State.ACTIVE, "wh_r", "https://hooks.example.test/api/webhooks/fathom/" + userId,
                retired.encrypt("old-key-1234", Aad.of(userId, "apiKey")).format(),
                retired.encrypt("whsec_cm90YXRlZC1zZWNyZXQtcm90YXRl", Aad.of(userId, "webhookSecret")).format(),
                "••••1234", 5, false, Instant.now(), Instant.now(), null, null, false,
                new StoredIntegration.PreviousSecret(retired.encrypt("whsec_cHJldmlvdXMtc2VjcmV0LXByZXZp",
                        Aad.of(userId, "webhookSecret")).format(), Instant.now().plusSeconds(3600)),
                null, null, null));

        Api.Response report = management().call("POST", "/actuator/reencrypt", OPERATOR_TOKEN, null);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().path("reencryptedValues").asInt()).isGreaterThanOrEqualTo(2);
        StoredIntegration rotated = mongo.findById(StoredIntegration.idOf(userId), StoredIntegration.class);
        EncryptedValue secret = EncryptedValue.parse(rotated.encryptedWebhookSecret());
        assertThat(secret.keyId()).isEqualTo("t1");
        assertThat(EncryptedValue.parse(rotated.encryptedApiKey()).keyId()).isEqualTo("t1");
        assertThat(keyring.decrypt(secret, IntegrationChanged.webhookSecretAad(userId, "org-r")))
                .isEqualTo("whsec_cm90YXRlZC1zZWNyZXQtcm90YXRl");
        EncryptedValue previous = EncryptedValue.parse(rotated.previousSecret().encryptedWebhookSecret());
        assertThat(previous.keyId()).as("the previous secret, still in its grace, is rotated too").isEqualTo("t1");
        assertThat(keyring.decrypt(previous, IntegrationChanged.webhookSecretAad(userId, "org-r")))
                .isEqualTo("whsec_cHJldmlvdXMtc2VjcmV0LXByZXZp");
        assertThat(rotated.version()).isGreaterThan(5);
        List<ConsumerRecord<String, String>> events = KafkaProbe.readAll(broker, Topics.INTEGRATIONS).stream()
                .filter(r -> userId.equals(r.key())).toList();
        assertThat(events).hasSize(1);
        assertThat(Api.json(events.get(0).value()).path("encryptedWebhookSecret").asString())
                .isEqualTo(rotated.encryptedWebhookSecret());
        assertThat(Api.json(events.get(0).value()).path("previousEncryptedWebhookSecret").asString())
                .isEqualTo(rotated.previousSecret().encryptedWebhookSecret());
    }

    @Test
    void aWebhookSecretUnderTheV1AadOfTheActiveKeyIsRewrittenUnderTheOrganizationBoundOne() {
        String userId = "legacy-aad-" + UUID.randomUUID();
        String legacy = keyring.encrypt("whsec_bGVnYWN5LWFhZC1zZWNyZXQtbGVnYWN5", Aad.of(userId, "webhookSecret"))
                .format();
        String apiKey = keyring.encrypt("key-5678", Aad.of(userId, "apiKey")).format();
        mongo.save(new StoredIntegration(StoredIntegration.idOf(userId), userId, "fathom", "org-l", null, null,
                StoredIntegration.State.ACTIVE, "wh_l", "https://hooks.example.test/api/webhooks/fathom/" + userId,
                apiKey, legacy, "••••5678", 5, false, Instant.now(), Instant.now(), null, null, false, null, null,
                null, null));

        Api.Response report = management().call("POST", "/actuator/reencrypt", OPERATOR_TOKEN, null);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().path("failed").asInt()).isZero();
        StoredIntegration migrated = mongo.findById(StoredIntegration.idOf(userId), StoredIntegration.class);
        assertThat(migrated.encryptedApiKey()).as("the API key's AAD is userId|apiKey as before").isEqualTo(apiKey);
        EncryptedValue secret = EncryptedValue.parse(migrated.encryptedWebhookSecret());
        assertThat(keyring.decrypt(secret, IntegrationChanged.webhookSecretAad(userId, "org-l")))
                .isEqualTo("whsec_bGVnYWN5LWFhZC1zZWNyZXQtbGVnYWN5");
        assertThatThrownBy(() -> keyring.decrypt(secret, Aad.of(userId, "webhookSecret")))
                .isInstanceOf(CryptoException.class);
        assertThat(migrated.version()).isGreaterThan(5);
        List<ConsumerRecord<String, String>> events = KafkaProbe.readAll(broker, Topics.INTEGRATIONS).stream()
                .filter(r -> userId.equals(r.key())).toList();
        assertThat(events).hasSize(1);
        assertThat(Api.json(events.get(0).value()).path("encryptedWebhookSecret").asString())
                .isEqualTo(migrated.encryptedWebhookSecret());
    }
}
