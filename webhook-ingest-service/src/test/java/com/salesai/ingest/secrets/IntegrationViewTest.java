package com.salesai.ingest.secrets;

import com.salesai.platform.crypto.AadMigration;
import com.salesai.schema.attribution.Credit;
import com.salesai.schema.crypto.Aad;
import com.salesai.schema.crypto.Keyring;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.IntegrationChanged;
import com.salesai.schema.events.IntegrationStatus;
import com.salesai.schema.events.Person;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationViewTest {
    private static final Instant CHANGED_AT = Instant.parse("2025-03-04T15:00:00Z");
    private static final Duration GRACE = Duration.ofHours(24);

    private final Keyring keyring = Keyring.generate("k1");
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final IntegrationView view = new IntegrationView(new AadMigration(keyring, true), GRACE, meters);

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

    @Test
    void aSecretCopiedIntoAnotherOrganizationIsRefusedAndCountedWithoutTheSecret() {
        IntegrationChanged genuine = member("alice", "org-acme", 1, "alice@acme.com", null);
        view.apply("alice", genuine);
        assertThat(view.activeIntegration("alice")).hasValueSatisfying(i -> {
            assertThat(i.orgId()).isEqualTo("org-acme");
            assertThat(i.webhookSecret()).isEqualTo("whsec_alice");
        });

        IntegrationChanged movedToGlobex = changed("alice", "org-globex", IntegrationStatus.ACTIVE, 2,
                "alice@acme.com", null, "unused");
        view.apply("alice", withSecret(movedToGlobex, genuine.encryptedWebhookSecret()));

        assertThat(view.activeIntegration("alice")).as("no delivery is verified with a moved secret").isEmpty();
        assertThat(refusedCount()).isEqualTo(1);
    }

    @Test
    void aSecretUnderTheV1AadStillVerifiesWhileLegacyAadsAreAcceptedAndIsCountedUntilRewritten() {
        IntegrationChanged current = member("alice", "org-acme", 1, "alice@acme.com", null);
        view.apply("alice", withSecret(current, keyring.encrypt("whsec_v1", Aad.of("alice", "webhookSecret"))
                .format()));

        assertThat(view.activeIntegration("alice")).hasValueSatisfying(i ->
                assertThat(i.webhookSecret()).isEqualTo("whsec_v1"));
        assertThat(meters.get("ingest.integrations.secrets.legacy").gauge().value()).isEqualTo(1);

        view.apply("alice", withSecret(member("alice", "org-acme", 2, "alice@acme.com", null),
                encrypted("alice", "org-acme", "whsec_v1")));
        assertThat(view.activeIntegration("alice")).hasValueSatisfying(i ->
                assertThat(i.webhookSecret()).isEqualTo("whsec_v1"));
        assertThat(meters.get("ingest.integrations.secrets.legacy").gauge().value()).isZero();
    }

    @Test
    void onceLegacyAadsAreRefusedAV1SecretCanNoLongerBeReplayedIntoAnotherOrganization() {
        IntegrationView strict = new IntegrationView(new AadMigration(keyring, false), GRACE, meters);
        String v1 = keyring.encrypt("whsec_v1", Aad.of("alice", "webhookSecret")).format();

        strict.apply("alice", withSecret(member("alice", "org-globex", 1, "alice@acme.com", null), v1));

        assertThat(strict.activeIntegration("alice")).isEmpty();
        assertThat(refusedCount()).isEqualTo(1);
    }

    @Test
    void anOrgsRecordersAreItsActiveMembersByFathomEmailElseUserEmail() {
        view.apply("alice", member("alice", "org-acme", 1, "alice@acme.com", "Alice.Rec@Acme.com"));
        view.apply("bruno", member("bruno", "org-acme", 1, "bruno@acme.com", null));
        view.apply("olga", member("olga", "org-globex", 1, "olga@globex.com", null));

        assertThat(view.recorders("org-acme").credit(recordedBy("alice.rec@ACME.com"), "bruno"))
                .isEqualTo(new Credit("alice", Attribution.RECORDER));
        assertThat(view.recorders("org-acme").credit(recordedBy("alice@acme.com"), "bruno"))
                .as("the user email no longer counts once a Fathom email is given")
                .isEqualTo(new Credit("bruno", Attribution.SHARED));
        assertThat(view.recorders("org-acme").credit(recordedBy("Bruno@acme.com"), "alice"))
                .isEqualTo(new Credit("bruno", Attribution.RECORDER));
        assertThat(view.recorders("org-acme").credit(recordedBy("olga@globex.com"), "alice"))
                .as("a member of another organization").isEqualTo(new Credit("alice", Attribution.SHARED));
        assertThat(view.recorders("org-unknown").credit(recordedBy("alice.rec@acme.com"), "x"))
                .isEqualTo(new Credit("x", Attribution.SHARED));
    }

    @Test
    void aDisabledOrDeletedIntegrationIsNoLongerARecorderAndAChangedEmailReplacesTheOld() {
        view.apply("alice", member("alice", "org-acme", 1, "alice@acme.com", null));
        view.apply("bruno", member("bruno", "org-acme", 1, "bruno@acme.com", null));
        view.apply("alice", changed("alice", "org-acme", IntegrationStatus.DISABLED, 2, "alice@acme.com", null,
                "whsec_a"));
        view.apply("bruno", member("bruno", "org-acme", 2, "bruno@acme.com", "b.fathom@acme.com"));

        assertThat(view.recorders("org-acme").credit(recordedBy("alice@acme.com"), "bruno"))
                .isEqualTo(new Credit("bruno", Attribution.SHARED));
        assertThat(view.recorders("org-acme").credit(recordedBy("bruno@acme.com"), "bruno").attribution())
                .isEqualTo(Attribution.SHARED);
        assertThat(view.recorders("org-acme").credit(recordedBy("b.fathom@acme.com"), "x"))
                .isEqualTo(new Credit("bruno", Attribution.RECORDER));

        view.apply("bruno", null);
        assertThat(view.recorders("org-acme").credit(recordedBy("b.fathom@acme.com"), "x"))
                .isEqualTo(new Credit("x", Attribution.SHARED));
    }

    @Test
    void aMemberWhoseSecretDoesNotDecryptHereStillRecords() {
        view.apply("alice", member("alice", "org-acme", 1, "alice@acme.com", null));
        IntegrationChanged undecryptable = member("bruno", "org-acme", 1, "bruno@acme.com", null);
        view.apply("bruno", withSecret(undecryptable, Keyring.generate("elsewhere")
                .encrypt("whsec_b", IntegrationChanged.webhookSecretAad("bruno", "org-acme")).format()));

        assertThat(view.activeIntegration("bruno")).isEmpty();
        assertThat(view.recorders("org-acme").credit(recordedBy("bruno@acme.com"), "alice"))
                .isEqualTo(new Credit("bruno", Attribution.RECORDER));
    }

    @Test
    void thePreviousSecretIsHonouredUntilItsExpiryButNeverPastTheLocalGrace() {
        view.apply("u1", rotated("u1", "whsec_old", CHANGED_AT.plus(Duration.ofHours(2))));
        assertThat(view.activeIntegration("u1")).hasValueSatisfying(i -> {
            assertThat(i.webhookSecret()).isEqualTo("whsec_new");
            assertThat(i.previousSecretAt(CHANGED_AT.plus(Duration.ofHours(2)).minusMillis(1))).hasValue("whsec_old");
            assertThat(i.previousSecretAt(CHANGED_AT.plus(Duration.ofHours(2)))).isEmpty();
            assertThat(i.toString()).doesNotContain("whsec_old").doesNotContain("whsec_new");
        });

        view.apply("u2", rotated("u2", "whsec_old", CHANGED_AT.plus(Duration.ofDays(7))));
        assertThat(view.activeIntegration("u2")).hasValueSatisfying(i -> {
            assertThat(i.previousSecretAt(CHANGED_AT.plus(GRACE).minusMillis(1))).hasValue("whsec_old");
            assertThat(i.previousSecretAt(CHANGED_AT.plus(GRACE))).isEmpty();
        });

        view.apply("u3", rotated("u3", "whsec_old", null));
        assertThat(view.activeIntegration("u3")).hasValueSatisfying(i ->
                assertThat(i.previousSecretAcceptedUntil()).isEqualTo(CHANGED_AT.plus(GRACE)));
    }

    @Test
    void aPreviousSecretThatDoesNotDecryptLeavesOnlyTheCurrentOne() {
        IntegrationChanged rotated = rotated("u1", "whsec_old", CHANGED_AT.plus(Duration.ofHours(2)));
        String ofAnotherUser = keyring.encrypt("whsec_old", IntegrationChanged.webhookSecretAad("u2", "org-u1"))
                .format();
        view.apply("u1", new IntegrationChanged(1, UUID.randomUUID(), CHANGED_AT, "u1", "org-u1", null, null,
                "fathom", IntegrationStatus.ACTIVE, "wh", rotated.encryptedWebhookSecret(), 2, CHANGED_AT,
                ofAnotherUser, rotated.previousSecretExpiresAt(), null));

        assertThat(view.activeIntegration("u1")).hasValueSatisfying(i -> {
            assertThat(i.webhookSecret()).isEqualTo("whsec_new");
            assertThat(i.previousSecretAt(CHANGED_AT)).isEmpty();
        });
    }

    private IntegrationChanged rotated(String userId, String previousSecret, Instant expiresAt) {
        return new IntegrationChanged(1, UUID.randomUUID(), CHANGED_AT, userId, "org-" + userId, null, null,
                "fathom", IntegrationStatus.ACTIVE, "wh", encrypted(userId, "org-" + userId, "whsec_new"), 2,
                CHANGED_AT, encrypted(userId, "org-" + userId, previousSecret), expiresAt, null);
    }

    private IntegrationChanged changed(String userId, IntegrationStatus status, long version, String secret) {
        return changed(userId, "org-" + userId, status, version, null, null, secret);
    }

    private IntegrationChanged member(String userId, String orgId, long version, String userEmail,
                                      String fathomEmail) {
        return changed(userId, orgId, IntegrationStatus.ACTIVE, version, userEmail, fathomEmail, "whsec_" + userId);
    }

    private IntegrationChanged changed(String userId, String orgId, IntegrationStatus status, long version,
                                       String userEmail, String fathomEmail, String secret) {
        return new IntegrationChanged(1, UUID.randomUUID(), Instant.now(), userId, orgId, userEmail, null,
                "fathom", status, "wh", encrypted(userId, orgId, secret), version, Instant.now(), null, null, fathomEmail);
    }

    private static IntegrationChanged withSecret(IntegrationChanged value, String encryptedSecret) {
        return new IntegrationChanged(value.schemaVersion(), value.eventId(), value.occurredAt(), value.userId(),
                value.orgId(), value.userEmail(), value.userName(), value.platform(), value.status(),
                value.webhookId(), encryptedSecret, value.version(), value.changedAt(), null, null,
                value.fathomEmail());
    }

    private String encrypted(String userId, String orgId, String secret) {
        return keyring.encrypt(secret, IntegrationChanged.webhookSecretAad(userId, orgId)).format();
    }

    private double refusedCount() {
        return meters.get("ingest.integrations.secrets.refused").counter().count();
    }

    private static Person recordedBy(String email) {
        return new Person("Someone", email);
    }
}
