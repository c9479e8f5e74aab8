package com.salesai.ingest.webhook;

import com.salesai.ingest.dedup.DeliveryClaims;
import com.salesai.ingest.dedup.InMemoryClaimRepository;
import com.salesai.ingest.secrets.IntegrationDirectory;
import com.salesai.ingest.secrets.UserIntegration;
import com.salesai.schema.attribution.OrgRecorders;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import com.salesai.schema.webhooks.StandardWebhooksVerifier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** After a re-save, Svix's retries of older messages still carry the old secret's signature. */
class SecretRotationTest {
    private static final Instant RESAVED_AT = Instant.parse("2025-03-04T15:00:00Z");
    private static final Instant GRACE_ENDS = RESAVED_AT.plus(Duration.ofHours(24));
    private static final String OLD_SECRET = StandardWebhooksSigner.newSecret();
    private static final String NEW_SECRET = StandardWebhooksSigner.newSecret();

    private final MovableClock clock = new MovableClock(RESAVED_AT);
    private final List<CallRecorded> published = new ArrayList<>();
    private UserIntegration integration = new UserIntegration("u1", "org-1", NEW_SECRET, 2, OLD_SECRET, GRACE_ENDS);
    private final IntegrationDirectory directory = new IntegrationDirectory() {
        public boolean isReady() {
            return true;
        }

        public Optional<UserIntegration> activeIntegration(String userId) {
            return integration.userId().equals(userId) ? Optional.of(integration) : Optional.empty();
        }

        public OrgRecorders recorders(String orgId) {
            return OrgRecorders.of(Map.of());
        }
    };
    private final WebhookDelivery delivery = new WebhookDelivery(directory, new StandardWebhooksVerifier(clock),
            new FathomPayloadNormalizer(),
            new DeliveryClaims(new InMemoryClaimRepository(), clock, Duration.ofSeconds(60), Duration.ZERO,
                    Duration.ofMillis(10), d -> {
            }),
            published::addAll, quarantined -> {
            });

    @Test
    void theOldSecretIsAcceptedWithinTheGraceAndRefusedAfterIt() {
        clock.set(GRACE_ENDS.minusSeconds(1));
        assertThat(delivery.handle(signed(OLD_SECRET, "msg_1", 1))).isInstanceOf(DeliveryOutcome.Accepted.class);

        clock.set(GRACE_ENDS);
        assertThat(delivery.handle(signed(OLD_SECRET, "msg_2", 2))).isInstanceOf(DeliveryOutcome.Unauthorized.class);
        assertThat(published).hasSize(1);
    }

    @Test
    void theNewSecretIsAcceptedDuringAndAfterTheGrace() {
        assertThat(delivery.handle(signed(NEW_SECRET, "msg_1", 1))).isInstanceOf(DeliveryOutcome.Accepted.class);

        clock.advance(Duration.ofDays(3));
        assertThat(delivery.handle(signed(NEW_SECRET, "msg_2", 2))).isInstanceOf(DeliveryOutcome.Accepted.class);
    }

    @Test
    void noOtherSecretIsAcceptedDuringTheGraceNorTheOldOneWithoutARotation() {
        assertThat(delivery.handle(signed(StandardWebhooksSigner.newSecret(), "msg_1", 1)))
                .isInstanceOf(DeliveryOutcome.Unauthorized.class);

        integration = new UserIntegration("u1", "org-1", NEW_SECRET, 2, null, null);
        assertThat(delivery.handle(signed(OLD_SECRET, "msg_2", 2))).isInstanceOf(DeliveryOutcome.Unauthorized.class);
        assertThat(published).isEmpty();
    }

    @Test
    void theOldSecretDoesNotStretchTheTimestampTolerance() {
        clock.set(RESAVED_AT.plus(Duration.ofHours(1)));
        DeliveryRequest old = signed(OLD_SECRET, "msg_1", 1);

        clock.advance(Duration.ofSeconds(301));

        assertThat(delivery.handle(old)).isInstanceOf(DeliveryOutcome.Unauthorized.class);
    }

    /** Signed now, as a Svix retry is: a fresh timestamp under the secret the message was created with. */
    private DeliveryRequest signed(String secret, String webhookId, int recording) {
        byte[] body = DeliveryAttributionTest.meeting(recording, "rep@acme.com").getBytes(StandardCharsets.UTF_8);
        long ts = clock.instant().getEpochSecond();
        return new DeliveryRequest("u1", webhookId, Long.toString(ts),
                StandardWebhooksSigner.sign(secret, webhookId, ts, body), "application/json", body, clock.instant());
    }
}
