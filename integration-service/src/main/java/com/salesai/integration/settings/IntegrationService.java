package com.salesai.integration.settings;

import com.salesai.integration.config.CurrentUser;
import com.salesai.integration.fathom.Caller;
import com.salesai.integration.fathom.CreatedWebhook;
import com.salesai.integration.fathom.FathomApiException;
import com.salesai.integration.fathom.FathomClient;
import com.salesai.integration.fathom.MeetingsPage;
import com.salesai.schema.attribution.OrgRecorders;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The integration lifecycle: save (test key, create webhook, store encrypted, keep the replaced secret for the
 * rotation grace, drop the old webhook, publish), correct the Fathom email, read, delete (drop webhook, wipe
 * secrets, publish a tombstone). Publishing follows {@link IntegrationPublisher}'s
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

    SavedIntegration save(CurrentUser user, SaveIntegrationRequest request) {
        String apiKey = request.apiKey();
        boolean teamRecordings = Boolean.TRUE.equals(request.teamRecordings());
        // tests the key (a bad one ends here as 422) and shows who records the key's recent meetings
        MeetingsPage recent = fathom.listMeetings(apiKey, Caller.REQUEST, null, null, false);
        Optional<StoredIntegration> previous = store.find(user.userId());
        Optional<StoredIntegration> active = previous.filter(old -> old.state() == StoredIntegration.State.ACTIVE);
        String destination = destinationFor(user.userId());
        CreatedWebhook webhook = fathom.createWebhook(apiKey, Caller.REQUEST, destination, teamRecordings);
        Instant now = clock.instant();

        StoredIntegration saved;
        try {
            saved = store.save(new StoredIntegration(StoredIntegration.idOf(user.userId()), user.userId(),
                    StoredIntegration.PLATFORM, user.orgId(), user.email(), user.name(),
                    StoredIntegration.State.ACTIVE, webhook.id(), destination,
                    keyring.encrypt(apiKey, Aad.of(user.userId(), StoredIntegration.API_KEY_FIELD)).format(),
                    keyring.encrypt(webhook.secret(), IntegrationChanged.webhookSecretAad(user.userId(), user.orgId()))
                            .format(),
                    mask(apiKey), StoredIntegration.nextVersion(previous.map(StoredIntegration::version).orElse(0L), now),
                    true, now, now, previous.map(StoredIntegration::lastImport).orElse(null),
                    fathomEmailOf(request, user, active), teamRecordings,
                    active.map(old -> previousSecretOf(old, now)).orElse(null),
                    active.map(StoredIntegration::syncStart).orElse(now),
                    active.map(StoredIntegration::lastSync).orElse(null),
                    RecorderCheck.distinct(recent.items().stream()
                            .map(meeting -> meeting.path("recorded_by").path("email"))
                            .map(email -> email.isString() ? email.asString() : null).toList())));
        } catch (RuntimeException e) {
            log.error("Storing the integration of user {} failed; deleting the new webhook {}", user.userId(),
                    webhook.id(), e);
            deleteWebhookQuietly(apiKey, webhook.id());
            throw e;
        }
        log.info("Stored Fathom integration of user {} with webhook {} (version {}, team recordings {})",
                user.userId(), webhook.id(), saved.version(), teamRecordings);

        previous.filter(old -> old.webhookId() != null && !old.webhookId().equals(webhook.id()))
                .ifPresent(old -> deleteWebhookQuietly(oldKeyOr(old, apiKey), old.webhookId()));
        publisher.publish(saved);
        return SavedIntegration.of(saved);
    }

    /** Corrects the email calls are credited by; ingest learns it from the republished change. */
    IntegrationView changeFathomEmail(String userId, String fathomEmail) {
        StoredIntegration saved = store.save(activeOf(userId).withFathomEmail(fathomEmail.strip(), clock.instant()));
        log.info("Fathom email of user {} changed (version {})", userId, saved.version());
        publisher.publish(saved);
        return IntegrationView.of(saved);
    }

    IntegrationView view(String userId) {
        return IntegrationView.of(activeOf(userId));
    }

    void delete(String userId) {
        StoredIntegration integration = activeOf(userId);
        deleteWebhookQuietly(decryptApiKey(integration), integration.webhookId());
        StoredIntegration deleting = store.save(integration.deleting(clock.instant()));
        log.info("Deleted Fathom integration of user {} (webhook {})", userId, integration.webhookId());
        publisher.publish(deleting);
    }

    /** For imports and the sync: the user's org and decrypted key, or 404 when there is no active integration. */
    public ActiveIntegration activeIntegration(String userId) {
        StoredIntegration integration = activeOf(userId);
        return new ActiveIntegration(userId, integration.orgId(), decryptApiKey(integration),
                integration.syncStart());
    }

    /** The users with an active integration, for the catch-up sync. */
    public List<String> activeUserIds() {
        return store.findActive().stream().map(StoredIntegration::userId).toList();
    }

    /**
     * The org's members with an active integration by the email they record with, to credit imported and synced
     * calls to their recorder as ingest credits webhook ones.
     */
    public OrgRecorders orgRecorders(String orgId) {
        Map<String, String> userIdByEmail = new HashMap<>();
        for (StoredIntegration member : store.findActiveInOrg(orgId)) {
            if (member.recorderEmail() != null) {
                userIdByEmail.merge(member.recorderEmail(), member.userId(),
                        (first, second) -> first.compareTo(second) <= 0 ? first : second);
            }
        }
        return OrgRecorders.of(userIdByEmail);
    }

    public void recordLastImport(String userId, LastImport lastImport) {
        store.recordLastImport(userId, lastImport);
    }

    /** @param recorderEmails the recorders of the meetings the sync saw (kept for the email check when any) */
    public void recordLastSync(String userId, LastSync lastSync, Collection<String> recorderEmails) {
        store.recordLastSync(userId, lastSync, RecorderCheck.distinct(recorderEmails));
    }

    static String mask(String apiKey) {
        String tail = apiKey.length() <= 4 ? "" : apiKey.substring(apiKey.length() - 4);
        return "••••" + tail;
    }

    private StoredIntegration activeOf(String userId) {
        return store.find(userId).filter(i -> i.state() == StoredIntegration.State.ACTIVE)
                .orElseThrow(IntegrationNotFoundException::new);
    }

    /** The requested email, else the one a re-saved integration had (maybe corrected), else the token's. */
    private static String fathomEmailOf(SaveIntegrationRequest request, CurrentUser user,
                                        Optional<StoredIntegration> active) {
        if (request.fathomEmail() != null && !request.fathomEmail().isBlank()) {
            return request.fathomEmail().strip();
        }
        Optional<String> kept = active.map(StoredIntegration::fathomEmail).filter(email -> !email.isBlank());
        if (kept.isPresent()) {
            return kept.get();
        }
        return user.email() != null && user.email().matches(FathomEmailRequest.EMAIL) ? user.email().strip() : null;
    }

    private StoredIntegration.PreviousSecret previousSecretOf(StoredIntegration old, Instant now) {
        return old.encryptedWebhookSecret() == null ? null
                : new StoredIntegration.PreviousSecret(old.encryptedWebhookSecret(),
                now.plus(properties.previousSecretGrace()));
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
            fathom.deleteWebhook(apiKey, Caller.REQUEST, webhookId);
        } catch (FathomApiException e) {
            log.warn("Could not delete Fathom webhook {}: {}", webhookId, e.getMessage());
        }
    }
}
