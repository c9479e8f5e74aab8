package com.salesai.schema.webhooks;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static com.salesai.schema.webhooks.StandardWebhooksVerifierTest.BODY;
import static com.salesai.schema.webhooks.StandardWebhooksVerifierTest.ID;
import static com.salesai.schema.webhooks.StandardWebhooksVerifierTest.SECRET;
import static com.salesai.schema.webhooks.StandardWebhooksVerifierTest.SIGNATURE;
import static com.salesai.schema.webhooks.StandardWebhooksVerifierTest.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StandardWebhooksSignerTest {

    @Test
    void signsTheSpecTestVector() {
        assertThat(StandardWebhooksSigner.sign(SECRET, ID, Long.parseLong(TIMESTAMP), BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void newSecretsAreWhsecPrefixedBase64Of24RandomBytes() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String secret = StandardWebhooksSigner.newSecret();
            assertThat(secret).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(24);
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(20);
    }

    @Test
    void refusesAnUnusableSecret() {
        assertThatIllegalArgumentException().isThrownBy(() -> StandardWebhooksSigner.sign("whsec_%%", ID, 1, BODY))
                .withMessageNotContaining("%%");
    }
}
