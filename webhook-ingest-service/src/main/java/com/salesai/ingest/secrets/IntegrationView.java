package com.salesai.ingest.secrets;

import com.salesai.schema.crypto.Aad;
import com.salesai.schema.crypto.CryptoException;
import com.salesai.schema.crypto.EncryptedValue;
import com.salesai.schema.crypto.Keyring;
import com.salesai.schema.events.IntegrationChanged;
import com.salesai.schema.events.IntegrationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory state of {@code fathom.integrations}: per user the latest version, with the webhook secret decrypted
 * (plaintext lives only here, never on disk or in logs). Ready once the topic was read up to its start-up end offsets.
 */
@Component
public class IntegrationView implements IntegrationDirectory {
    private static final Logger log = LoggerFactory.getLogger(IntegrationView.class);

    /** The latest known version per user; {@code integration} is null when disabled or undecryptable. */
    private record Entry(long version, UserIntegration integration) {
    }

    private final Keyring keyring;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean ready;

    public IntegrationView(Keyring keyring) {
        this.keyring = keyring;
    }

    /** The active integration of this user, empty when unknown, deleted, disabled or its secret doesn't decrypt. */
    @Override
    public Optional<UserIntegration> activeIntegration(String userId) {
        Entry entry = entries.get(userId);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.integration());
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    public int size() {
        return entries.size();
    }

    void markCaughtUp() {
        ready = true;
    }

    /**
     * Applies one record of the compacted topic: a tombstone forgets the user; otherwise only a higher version than
     * the one held replaces it, so a reordered or replayed older value never resurrects a secret.
     */
    void apply(String userId, IntegrationChanged value) {
        if (value == null) {
            entries.remove(userId);
            return;
        }
        entries.compute(userId, (id, current) -> {
            if (current != null && value.version() <= current.version()) {
                return current;
            }
            return new Entry(value.version(), toIntegration(id, value));
        });
    }

    private UserIntegration toIntegration(String userId, IntegrationChanged value) {
        if (value.status() != IntegrationStatus.ACTIVE) {
            return null;
        }
        try {
            String secret = keyring.decrypt(EncryptedValue.parse(value.encryptedWebhookSecret()),
                    Aad.of(userId, IntegrationChanged.WEBHOOK_SECRET_FIELD));
            return new UserIntegration(userId, value.orgId(), secret, value.version());
        } catch (CryptoException | IllegalArgumentException e) {
            // Its deliveries get 404 until a decryptable version arrives; the message never holds key material.
            log.error("webhook secret of userId={} version={} does not decrypt: {}", userId, value.version(),
                    e.getMessage());
            return null;
        }
    }
}
