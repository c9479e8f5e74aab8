package com.salesai.ingest.secrets;

import com.salesai.schema.crypto.Aad;
import com.salesai.schema.crypto.Keyring;
import com.salesai.schema.events.IntegrationChanged;
import com.salesai.schema.events.IntegrationStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationViewTest {
    private final Keyring keyring = Keyring.generate("k1");
    private final IntegrationView view = new IntegrationView(keyring);

    @Test
    void activeValueIsDecryptedAndNotReadyUntilCaughtUp() {
        view.apply("u1", changed("u1", IntegrationStatus.ACTIVE, 1, "whsec_one"));

        assertThat(view.isReady()).isFalse();
        assertThat(view.activeIntegration("u1")).hasValueSatisfying(i -> {
            assertThat(i.webhookSecret()).isEqualTo("whsec_one");
            assertThat(i.orgId()).isEqualTo("org-u1");
            assertThat(i.toString()).doesNotContain("whsec_one");
        });
        view.markCaughtUp();
        assertThat(view.isReady()).isTrue();
    }

    @Test
    void olderVersionNeverReplacesNewer() {
        view.apply("u1", changed("u1", IntegrationStatus.ACTIVE, 2, "whsec_new"));
        view.apply("u1", changed("u1", IntegrationStatus.ACTIVE, 1, "whsec_old"));

        assertThat(view.activeIntegration("u1")).hasValueSatisfying(i ->
                assertThat(i.webhookSecret()).isEqualTo("whsec_new"));
    }

    @Test
    void disabledOrTombstonedUserIsUnknown() {
        view.apply("u1", changed("u1", IntegrationStatus.ACTIVE, 1, "whsec_one"));
        view.apply("u1", changed("u1", IntegrationStatus.DISABLED, 2, "whsec_one"));
        assertThat(view.activeIntegration("u1")).isEmpty();

        view.apply("u2", changed("u2", IntegrationStatus.ACTIVE, 1, "whsec_two"));
        view.apply("u2", null);
        assertThat(view.activeIntegration("u2")).isEmpty();
    }

    @Test
    void secretEncryptedForAnotherUserDoesNotDecrypt() {
        IntegrationChanged stolen = changed("u1", IntegrationStatus.ACTIVE, 1, "whsec_one");
        view.apply("u2", stolen);

        assertThat(view.activeIntegration("u2")).isEmpty();
    }

    private IntegrationChanged changed(String userId, IntegrationStatus status, long version, String secret) {
        String encrypted = keyring.encrypt(secret, Aad.of(userId, IntegrationChanged.WEBHOOK_SECRET_FIELD)).format();
        return new IntegrationChanged(1, UUID.randomUUID(), Instant.now(), userId, "org-" + userId, null, null,
                "fathom", status, "wh", encrypted, version, Instant.now(), null, null, null);
    }
}
