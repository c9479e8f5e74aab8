package com.salesai.integration.settings;

import com.salesai.platform.crypto.AadMigration;
import com.salesai.schema.crypto.Aad;
import com.salesai.schema.crypto.CryptoException;
import com.salesai.schema.crypto.EncryptedValue;
import com.salesai.schema.crypto.Keyring;
import com.salesai.schema.events.IntegrationChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Re-encrypts every stored secret under the active key, so an old key can later leave the keyring, and every
 * webhook secret still under the v1 AAD ({@code userId|webhookSecret}) under the one binding the organization
 * ({@code userId|orgId|webhookSecret}), so {@code APP_CRYPTO_ACCEPT_LEGACY_AAD} can then be turned off. A rewritten
 * webhook secret is published again (new version) so ingest's view no longer needs the old key or AAD either.
 */
@Service
public class KeyRotation {
    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final IntegrationStore store;
    private final IntegrationPublisher publisher;
    private final Keyring keyring;
    private final AadMigration secrets;
    private final Clock clock = Clock.systemUTC();

    KeyRotation(IntegrationStore store, IntegrationPublisher publisher, Keyring keyring, AadMigration secrets) {
        this.store = store;
        this.publisher = publisher;
        this.keyring = keyring;
        this.secrets = secrets;
    }

    public ReencryptionReport reencryptAll() {
        int integrations = 0;
        int reencrypted = 0;
        int current = 0;
        int failed = 0;
        for (StoredIntegration integration : store.findAll()) {
            if (integration.state() != StoredIntegration.State.ACTIVE) {
                continue;
            }
            integrations++;
            try {
                String apiKey = rotate(integration.encryptedApiKey(),
                        Aad.of(integration.userId(), StoredIntegration.API_KEY_FIELD));
                WebhookSecretAad secretAad = new WebhookSecretAad(
                        IntegrationChanged.webhookSecretAad(integration.userId(), integration.orgId()),
                        IntegrationChanged.legacyWebhookSecretAad(integration.userId()));
                String secret = rotate(integration.encryptedWebhookSecret(), secretAad);
                StoredIntegration.PreviousSecret previous = rotatePrevious(integration.previousSecret(), secretAad);
                boolean keyChanged = !apiKey.equals(integration.encryptedApiKey());
                boolean secretChanged = !secret.equals(integration.encryptedWebhookSecret())
                        || !Objects.equals(previous, integration.previousSecret());
                int changed = (keyChanged ? 1 : 0) + (secretChanged ? 1 : 0);
                reencrypted += changed;
                current += 2 - changed;
                if (changed > 0) {
                    Instant now = clock.instant();
                    long version = secretChanged ? StoredIntegration.nextVersion(integration.version(), now)
                            : integration.version();
                    StoredIntegration saved = store.save(integration.withSecrets(apiKey, secret, previous, version,
                            secretChanged || integration.pendingPublish(), now));
                    if (secretChanged) {
                        publisher.publish(saved);
                    }
                }
            } catch (CryptoException | IllegalArgumentException e) {
                failed++;
                log.error("Re-encrypting the secrets of user {} failed: {}", integration.userId(), e.getMessage());
            }
        }
        ReencryptionReport report = new ReencryptionReport(keyring.activeKeyId(), integrations, reencrypted, current,
                failed);
        log.info("Key rotation pass: {}", report);
        return report;
    }

    /** The replaced secret is re-encrypted while ingest still accepts it, and dropped once its grace is over. */
    private StoredIntegration.PreviousSecret rotatePrevious(StoredIntegration.PreviousSecret previous,
                                                            WebhookSecretAad aad) {
        if (previous == null || !previous.expiresAt().isAfter(clock.instant())) {
            return null;
        }
        return new StoredIntegration.PreviousSecret(rotate(previous.encryptedWebhookSecret(), aad),
                previous.expiresAt());
    }

    private String rotate(String stored, String aad) {
        return keyring.reencrypt(EncryptedValue.parse(stored), aad).format();
    }

    private String rotate(String stored, WebhookSecretAad aad) {
        return secrets.reencrypt(EncryptedValue.parse(stored), aad.current(), aad.legacy()).format();
    }

    /** The AAD a webhook secret is written with, and the v1 one it may still have been written with. */
    private record WebhookSecretAad(String current, String legacy) {
    }
}
