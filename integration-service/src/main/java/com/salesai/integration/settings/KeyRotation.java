package com.salesai.integration.settings;

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
 * Re-encrypts every stored secret under the active key, so an old key can later leave the keyring. A rotated
 * webhook secret is published again (new version) so ingest's view no longer needs the old key either.
 */
@Service
public class KeyRotation {
    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final IntegrationStore store;
    private final IntegrationPublisher publisher;
    private final Keyring keyring;
    private final Clock clock = Clock.systemUTC();

    KeyRotation(IntegrationStore store, IntegrationPublisher publisher, Keyring keyring) {
        this.store = store;
        this.publisher = publisher;
        this.keyring = keyring;
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
                String secretAad = Aad.of(integration.userId(), IntegrationChanged.WEBHOOK_SECRET_FIELD);
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
    private StoredIntegration.PreviousSecret rotatePrevious(StoredIntegration.PreviousSecret previous, String aad) {
        if (previous == null || !previous.expiresAt().isAfter(clock.instant())) {
            return null;
        }
        return new StoredIntegration.PreviousSecret(rotate(previous.encryptedWebhookSecret(), aad),
                previous.expiresAt());
    }

    private String rotate(String stored, String aad) {
        return keyring.reencrypt(EncryptedValue.parse(stored), aad).format();
    }
}
