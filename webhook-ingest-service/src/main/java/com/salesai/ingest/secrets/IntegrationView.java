package com.salesai.ingest.secrets;

import com.salesai.platform.crypto.AadMigration;
import com.salesai.schema.attribution.OrgRecorders;
import com.salesai.schema.crypto.CryptoException;
import com.salesai.schema.crypto.EncryptedValue;
import com.salesai.schema.events.IntegrationChanged;
import com.salesai.schema.events.IntegrationStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory state of {@code fathom.integrations}: per user the latest version, with the webhook secrets decrypted
 * (plaintext lives only here, never on disk or in logs), and per organization its members by the email they record
 * with. Ready once the topic was read up to its start-up end offsets.
 *
 * <p>A secret opens only under its user's and organization's AAD ({@link IntegrationChanged#webhookSecretAad}), so
 * an event that copies another user's or organization's ciphertext leaves its user without a verifiable secret:
 * that user's deliveries get 404, the refusal is logged (user, version, reason, never the value) and counted in
 * {@code ingest.integrations.secrets.refused}. {@code ingest.integrations.secrets.legacy} counts the users verified
 * with a secret still under the v1 AAD, which the operator's re-encryption pass rewrites.
 *
 * <p>Membership follows the status alone: an active member whose secret does not decrypt here still records, so a
 * call of theirs that a colleague's webhook brings is still credited to them.
 */
public class IntegrationView implements IntegrationDirectory {
    private static final Logger log = LoggerFactory.getLogger(IntegrationView.class);
    private static final OrgRecorders NO_RECORDERS = OrgRecorders.of(Map.of());

    /**
     * The latest known version per user; {@code integration} is null when disabled or undecryptable, {@code legacy}
     * when its current secret opened only under the v1 AAD.
     */
    private record Entry(long version, Member member, UserIntegration integration, boolean legacy) {
    }

    /** A decrypted current secret and whether it needs re-encrypting. */
    private record Opened(UserIntegration integration, boolean legacy) {
        private static final Opened NONE = new Opened(null, false);
    }

    /** An active member of an organization and the email their recordings carry as {@code recorded_by.email}. */
    private record Member(String orgId, String recorderEmail) {
    }

    private final AadMigration secrets;
    private final Duration previousSecretGrace;
    private final Counter refused;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** orgId → userId → recorder email; changed only inside {@link #apply}, which is serialized. */
    private final Map<String, Map<String, String>> membersByOrg = new HashMap<>();
    /** What request threads read: rebuilt for an organization whenever one of its members changes. */
    private final Map<String, OrgRecorders> recordersByOrg = new ConcurrentHashMap<>();
    private volatile boolean ready;

    /** @param previousSecretGrace the longest a replaced secret is honoured after a re-save, whatever the event says */
    public IntegrationView(AadMigration secrets, Duration previousSecretGrace, MeterRegistry meters) {
        this.secrets = secrets;
        this.previousSecretGrace = previousSecretGrace;
        this.refused = Counter.builder("ingest.integrations.secrets.refused")
                .description("integration changes whose webhook secret does not decrypt for their user and"
                        + " organization; that user's deliveries get 404")
                .register(meters);
        Gauge.builder("ingest.integrations.secrets.legacy", this, IntegrationView::legacySecrets)
                .description("users verified with a webhook secret still under the v1 AAD (no organization)")
                .register(meters);
    }

    /** The active integration of this user, empty when unknown, deleted, disabled or its secret doesn't decrypt. */
    @Override
    public Optional<UserIntegration> activeIntegration(String userId) {
        Entry entry = entries.get(userId);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.integration());
    }

    @Override
    public OrgRecorders recorders(String orgId) {
        return recordersByOrg.getOrDefault(orgId, NO_RECORDERS);
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    public int size() {
        return entries.size();
    }

    /** Users whose current secret opened only under the v1 AAD: zero once the re-encryption pass rewrote them all. */
    public long legacySecrets() {
        return entries.values().stream().filter(Entry::legacy).count();
    }

    void markCaughtUp() {
        ready = true;
    }

    /**
     * Applies one record of the compacted topic: a tombstone forgets the user; otherwise only a higher version than
     * the one held replaces it, so a reordered or replayed older value never resurrects a secret.
     */
    synchronized void apply(String userId, IntegrationChanged value) {
        Entry current = entries.get(userId);
        if (value != null && current != null && value.version() <= current.version()) {
            return;
        }
        Entry next = value == null ? null : entryOf(userId, value);
        // Membership first: whoever sees the integration active also sees its member among the recorders.
        updateMembership(userId, current == null ? null : current.member(), next == null ? null : next.member());
        if (next == null) {
            entries.remove(userId);
        } else {
            entries.put(userId, next);
        }
    }

    private Entry entryOf(String userId, IntegrationChanged value) {
        Opened opened = toIntegration(userId, value);
        return new Entry(value.version(), memberOf(value), opened.integration(), opened.legacy());
    }

    private static Member memberOf(IntegrationChanged value) {
        return value.status() == IntegrationStatus.ACTIVE && value.orgId() != null
                ? new Member(value.orgId(), value.recorderEmail()) : null;
    }

    private void updateMembership(String userId, Member before, Member after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            Map<String, String> members = membersByOrg.get(before.orgId());
            members.remove(userId);
            if (members.isEmpty()) {
                membersByOrg.remove(before.orgId());
            }
            publishRecorders(before.orgId());
        }
        if (after != null) {
            membersByOrg.computeIfAbsent(after.orgId(), org -> new HashMap<>()).put(userId, after.recorderEmail());
            publishRecorders(after.orgId());
        }
    }

    /** Two members giving one Fathom email: the smallest userId gets it, as in OrgRecorders, on every instance. */
    private void publishRecorders(String orgId) {
        Map<String, String> members = membersByOrg.get(orgId);
        if (members == null) {
            recordersByOrg.remove(orgId);
            return;
        }
        Map<String, String> userIdByEmail = new HashMap<>();
        new TreeMap<>(members).forEach((userId, email) -> {
            if (email != null) {
                userIdByEmail.putIfAbsent(email, userId);
            }
        });
        recordersByOrg.put(orgId, OrgRecorders.of(userIdByEmail));
    }

    private Opened toIntegration(String userId, IntegrationChanged value) {
        if (value.status() != IntegrationStatus.ACTIVE) {
            return Opened.NONE;
        }
        AadMigration.Decrypted secret;
        try {
            secret = decryptWebhookSecret(userId, value.orgId(), value.encryptedWebhookSecret());
        } catch (CryptoException | IllegalArgumentException e) {
            // Its deliveries get 404 until a decryptable version arrives; the message never holds key material.
            refused.increment();
            log.error("webhook secret of userId={} orgId={} version={} refused, its deliveries get 404: {}", userId,
                    value.orgId(), value.version(), e.getMessage());
            return Opened.NONE;
        }
        if (secret.legacy()) {
            log.warn("webhook secret of userId={} version={} is still under the v1 AAD without its organization;"
                    + " POST /actuator/reencrypt on integration-service rewrites it", userId, value.version());
        }
        Instant acceptedUntil = previousSecretAcceptedUntil(value);
        String previous = acceptedUntil == null ? null : decryptPreviousSecret(userId, value);
        return new Opened(new UserIntegration(userId, value.orgId(), secret.plaintext(), value.version(), previous,
                previous == null ? null : acceptedUntil), secret.legacy());
    }

    /**
     * The producer's expiry, bounded by the local grace after the change, so no event can keep an old secret alive
     * longer than {@code INGEST_PREVIOUS_SECRET_GRACE}; null when there is no previous secret to honour.
     */
    private Instant previousSecretAcceptedUntil(IntegrationChanged value) {
        if (value.previousEncryptedWebhookSecret() == null) {
            return null;
        }
        Instant bound = value.changedAt() == null ? null : value.changedAt().plus(previousSecretGrace);
        Instant expiry = value.previousSecretExpiresAt();
        if (expiry == null || bound == null) {
            return expiry == null ? bound : expiry;
        }
        return expiry.isBefore(bound) ? expiry : bound;
    }

    private String decryptPreviousSecret(String userId, IntegrationChanged value) {
        try {
            return decryptWebhookSecret(userId, value.orgId(), value.previousEncryptedWebhookSecret()).plaintext();
        } catch (CryptoException | IllegalArgumentException e) {
            log.warn("previous webhook secret of userId={} version={} does not decrypt, only the current one is"
                    + " accepted: {}", userId, value.version(), e.getMessage());
            return null;
        }
    }

    /**
     * The current and the previous secret are bound to the same AAD, so one copied between users or organizations
     * fails alike. The organization is the event's, the one the user's calls are then published under.
     */
    private AadMigration.Decrypted decryptWebhookSecret(String userId, String orgId, String encrypted) {
        return secrets.decrypt(EncryptedValue.parse(encrypted), IntegrationChanged.webhookSecretAad(userId, orgId),
                IntegrationChanged.legacyWebhookSecretAad(userId));
    }
}
