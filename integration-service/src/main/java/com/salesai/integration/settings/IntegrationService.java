package com.salesai.integration.settings;

import com.salesai.integration.config.CurrentUser;
import com.salesai.integration.fathom.CreatedWebhook;
import com.salesai.integration.fathom.FathomApiException;
import com.salesai.integration.fathom.FathomClient;
import com.salesai.schema.crypto.Aad;
import com.salesai.schema.crypto.EncryptedValue;
import com.salesai.schema.crypto.Keyring;
import com.salesai.schema.events.IntegrationChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The integration lifecycle: save (test key, create webhook, store encrypted, drop the old webhook, publish),
 * read, delete (drop webhook, wipe secrets, publish a tombstone). Publishing follows {@link IntegrationPublisher}'s
 * outbox marker, so a failed publish is retried rather than lost.
 */
@Service
public class IntegrationService {
    private static final Logger log = LoggerFactory.getLogger(IntegrationService.class);

    private final FathomClient fathom;
    private final IntegrationStore store;
    private final IntegrationPublisher publisher;
    private final Keyring keyring;
    private final IntegrationProperties properties;
    private final Clock clock = Clock.systemUTC();

    IntegrationService(FathomClient fathom, IntegrationStore store, IntegrationPublisher publisher, Keyring keyring,
                       IntegrationProperties properties) {
        this.fathom = fathom;
        this.store = store;
        this.publisher = publisher;
        this.keyring = keyring;
        this.properties = properties;
    }

    SavedIntegration save(CurrentUser user, String apiKey) {
        fathom.listMeetings(apiKey, null, null, false); // tests the key; a bad one ends here as 422
        Optional<StoredIntegration> previous = store.find(user.userId());
        String destination = destinationFor(user.userId());
        CreatedWebhook webhook = fathom.createWebhook(apiKey, destination);
        Instant now = clock.instant();

        StoredIntegration saved;
        try {
            saved = store.save(new StoredIntegration(StoredIntegration.idOf(user.userId()), user.userId(),
                    StoredIntegration.PLATFORM, user.orgId(), user.email(), user.name(),
                    StoredIntegration.State.ACTIVE, webhook.id(), destination,
                    keyring.encrypt(apiKey, Aad.of(user.userId(), StoredIntegration.API_KEY_FIELD)).format(),
                    keyring.encrypt(webhook.secret(), Aad.of(user.userId(), IntegrationChanged.WEBHOOK_SECRET_FIELD))
                            .format(),
                    mask(apiKey), StoredIntegration.nextVersion(previous.map(StoredIntegration::version).orElse(0L), now),
                    true, now, now, previous.map(StoredIntegration::lastImport).orElse(null)));
        } catch (RuntimeException e) {
            log.error("Storing the integration of user {} failed; deleting the new webhook {}", user.userId(),
                    webhook.id(), e);
            deleteWebhookQuietly(apiKey, webhook.id());
            throw e;
        }
        log.info("Stored Fathom integration of user {} with webhook {} (version {})", user.userId(), webhook.id(),
                saved.version());

        previous.filter(old -> old.webhookId() != null && !old.webhookId().equals(webhook.id()))
                .ifPresent(old -> deleteWebhookQuietly(oldKeyOr(old, apiKey), old.webhookId()));
        publisher.publish(saved);
        return new SavedIntegration(saved.webhookId(), saved.destinationUrl(), "active", saved.createdAt());
    }

    IntegrationView view(String userId) {
        StoredIntegration integration = activeOf(userId);
        return new IntegrationView("active", integration.webhookId(), integration.destinationUrl(),
                integration.maskedApiKey(), integration.createdAt(), integration.updatedAt(),
                integration.lastImport());
    }

    void delete(String userId) {
        StoredIntegration integration = activeOf(userId);
        deleteWebhookQuietly(decryptApiKey(integration), integration.webhookId());
        StoredIntegration deleting = store.save(integration.deleting(clock.instant()));
        log.info("Deleted Fathom integration of user {} (webhook {})", userId, integration.webhookId());
        publisher.publish(deleting);
    }

    /** For imports: the user's org and decrypted key, or 404 when there is no active integration. */
    public ActiveIntegration activeIntegration(String userId) {
        StoredIntegration integration = activeOf(userId);
        return new ActiveIntegration(userId, integration.orgId(), decryptApiKey(integration));
    }

    public void recordLastImport(String userId, LastImport lastImport) {
        store.recordLastImport(userId, lastImport);
    }

    static String mask(String apiKey) {
        String tail = apiKey.length() <= 4 ? "" : apiKey.substring(apiKey.length() - 4);
        return "••••" + tail;
    }

    private StoredIntegration activeOf(String userId) {
        return store.find(userId).filter(i -> i.state() == StoredIntegration.State.ACTIVE)
                .orElseThrow(IntegrationNotFoundException::new);
    }

    private String destinationFor(String userId) {
        return properties.publicBaseUrl() + "/api/webhooks/fathom/"
                + URLEncoder.encode(userId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String decryptApiKey(StoredIntegration integration) {
        return keyring.decrypt(EncryptedValue.parse(integration.encryptedApiKey()),
                Aad.of(integration.userId(), StoredIntegration.API_KEY_FIELD));
    }

    /** The old webhook belongs to the old key; if that no longer decrypts, try with the new one. */
    private String oldKeyOr(StoredIntegration old, String fallback) {
        try {
            return old.encryptedApiKey() == null ? fallback : decryptApiKey(old);
        } catch (RuntimeException e) {
            log.warn("Old API key of user {} does not decrypt ({}); deleting webhook {} with the new key",
                    old.userId(), e.getMessage(), old.webhookId());
            return fallback;
        }
    }

    /**
     * Best effort: a webhook Fathom still holds after we forgot it only causes 404s at ingest, which is safer
     * than refusing the user's change because Fathom is down.
     */
    private void deleteWebhookQuietly(String apiKey, String webhookId) {
        if (webhookId == null) {
            return;
        }
        try {
            fathom.deleteWebhook(apiKey, webhookId);
        } catch (FathomApiException e) {
            log.warn("Could not delete Fathom webhook {}: {}", webhookId, e.getMessage());
        }
    }
}
