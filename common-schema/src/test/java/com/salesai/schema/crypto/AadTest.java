package com.salesai.schema.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AadTest {

    @Test
    void joinsUserAndFieldWithAPipe() {
        assertThat(Aad.of("user-1", "webhookSecret")).isEqualTo("user-1|webhookSecret");
    }

    @Test
    void rejectsBlankPartsAndAPipeInTheUserId() {
        assertThatIllegalArgumentException().isThrownBy(() -> Aad.of(null, "apiKey"));
        assertThatIllegalArgumentException().isThrownBy(() -> Aad.of(" ", "apiKey"));
        assertThatIllegalArgumentException().isThrownBy(() -> Aad.of("user-1", null));
        assertThatIllegalArgumentException().isThrownBy(() -> Aad.of("user-1", ""));
        assertThatIllegalArgumentException().isThrownBy(() -> Aad.of("user|1", "apiKey"));
    }

    @Test
    void theOrganizationBoundFormJoinsUserOrganizationAndField() {
        assertThat(Aad.of("user-1", "org-acme", "webhookSecret")).isEqualTo("user-1|org-acme|webhookSecret");
        assertThat(Aad.of("user-1", "org-acme", "webhookSecret")).isNotEqualTo(Aad.of("user-1", "webhookSecret"));
    }

    @Test
    void rejectsABlankOrganizationOrAPipeInIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> Aad.of("user-1", null, "webhookSecret"));
        assertThatIllegalArgumentException().isThrownBy(() -> Aad.of("user-1", " ", "webhookSecret"));
        assertThatIllegalArgumentException().isThrownBy(() -> Aad.of("user-1", "org|a", "webhookSecret"));
        assertThatIllegalArgumentException().isThrownBy(() -> Aad.of("user|1", "org-a", "webhookSecret"));
    }
}
