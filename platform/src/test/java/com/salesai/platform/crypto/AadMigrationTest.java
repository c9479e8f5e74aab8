package com.salesai.platform.crypto;

import com.salesai.schema.crypto.CryptoException;
import com.salesai.schema.crypto.EncryptedValue;
import com.salesai.schema.crypto.Keyring;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AadMigrationTest {
    private static final String AAD = "u1|org-acme|webhookSecret";
    private static final String LEGACY_AAD = "u1|webhookSecret";

    private final Keyring keyring = Keyring.generate("k1");

    @Test
    void aValueUnderTheCurrentAadOpensWithoutTheLegacyOne() {
        EncryptedValue value = keyring.encrypt("whsec_a", AAD);

        AadMigration.Decrypted decrypted = new AadMigration(keyring, false).decrypt(value, AAD, LEGACY_AAD);

        assertThat(decrypted.plaintext()).isEqualTo("whsec_a");
        assertThat(decrypted.legacy()).isFalse();
        assertThat(decrypted.toString()).doesNotContain("whsec_a");
    }

    @Test
    void aLegacyValueOpensOnlyWhileLegacyAadsAreAccepted() {
        EncryptedValue legacy = keyring.encrypt("whsec_a", LEGACY_AAD);

        assertThat(new AadMigration(keyring, true).decrypt(legacy, AAD, LEGACY_AAD))
                .isEqualTo(new AadMigration.Decrypted("whsec_a", true));
        assertThatThrownBy(() -> new AadMigration(keyring, false).decrypt(legacy, AAD, LEGACY_AAD))
                .isInstanceOf(CryptoException.class).hasMessageNotContaining("whsec_a");
    }

    @Test
    void aValueBoundToAnotherOrganizationOpensUnderNeitherAad() {
        EncryptedValue ofAcme = keyring.encrypt("whsec_a", AAD);

        assertThatThrownBy(() -> new AadMigration(keyring, true)
                .decrypt(ofAcme, "u1|org-globex|webhookSecret", LEGACY_AAD))
                .isInstanceOf(CryptoException.class).hasMessageContaining("another user or organization");
    }

    @Test
    void reencryptionRewritesALegacyValueUnderTheCurrentAadAndLeavesACurrentOneAlone() {
        AadMigration migration = new AadMigration(keyring, true);
        EncryptedValue legacy = keyring.encrypt("whsec_a", LEGACY_AAD);
        EncryptedValue current = keyring.encrypt("whsec_b", AAD);

        EncryptedValue migrated = migration.reencrypt(legacy, AAD, LEGACY_AAD);

        assertThat(keyring.decrypt(migrated, AAD)).isEqualTo("whsec_a");
        assertThatThrownBy(() -> keyring.decrypt(migrated, LEGACY_AAD)).isInstanceOf(CryptoException.class);
        assertThat(migration.reencrypt(current, AAD, LEGACY_AAD)).isSameAs(current);
    }

    @Test
    void anUnknownKeyIsReportedAsSuchNotAsAnAadMismatch() {
        EncryptedValue elsewhere = Keyring.generate("k9").encrypt("whsec_a", AAD);

        assertThatThrownBy(() -> new AadMigration(keyring, true).decrypt(elsewhere, AAD, LEGACY_AAD))
                .isInstanceOf(CryptoException.class).hasMessageContaining("unknown key id 'k9'");
    }
}
