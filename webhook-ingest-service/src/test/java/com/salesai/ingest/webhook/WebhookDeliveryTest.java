package com.salesai.ingest.webhook;

import com.salesai.ingest.dedup.Claim;
import com.salesai.ingest.dedup.ClaimKey;
import com.salesai.ingest.dedup.DeliveryClaims;
import com.salesai.ingest.dedup.InMemoryClaimRepository;
import com.salesai.ingest.publish.CallPublisher;
import com.salesai.ingest.publish.PublishException;
import com.salesai.ingest.publish.QuarantinePublisher;
import com.salesai.ingest.publish.QuarantinedDelivery;
import com.salesai.ingest.secrets.IntegrationDirectory;
import com.salesai.ingest.secrets.UserIntegration;
import com.salesai.schema.attribution.OrgRecorders;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import com.salesai.schema.webhooks.StandardWebhooksVerifier;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery decision without Spring, Kafka or Mongo. */
class WebhookDeliveryTest {
    private static final Instant NOW = Instant.parse("2025-03-04T15:00:00Z");
    private static final String SECRET = StandardWebhooksSigner.newSecret();
    private static final UserIntegration USER = new UserIntegration("u1", "org-1", SECRET, 3, null, null);
    private static final String BODY = "{\"id\":\"rec-1\",\"fathom_user\":{\"email\":\"rep@acme.com\"},"
            + "\"meeting\":{\"title\":\"Demo\"},\"transcript\":{\"plaintext\":\"Rep: hi\"}}";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryClaimRepository claims = new InMemoryClaimRepository();
    private final List<List<CallRecorded>> published = new ArrayList<>();
    private final List<QuarantinedDelivery> quarantined = new ArrayList<>();
    private boolean ready = true;
    private boolean kafkaDown;
    private boolean callsTooLarge;

    private final IntegrationDirectory directory = new IntegrationDirectory() {
        public boolean isReady() {
            return ready;
        }

        public Optional<UserIntegration> activeIntegration(String userId) {
            return USER.userId().equals(userId) ? Optional.of(USER) : Optional.empty();
        }

        public OrgRecorders recorders(String orgId) {
            return OrgRecorders.of(Map.of("rep@acme.com", USER.userId()));
        }
    };
    private final CallPublisher calls = batch -> {
        if (callsTooLarge) {
            throw new PublishException("publishing to calls.recorded failed",
                    new RecordTooLargeException("The message is 12000000 bytes when serialized"));
        }
        if (kafkaDown) {
            throw new PublishException("broker down", null);
        }
        published.add(batch);
    };
    private final QuarantinePublisher quarantine = delivery -> {
        if (kafkaDown) {
            throw new PublishException("broker down", null);
        }
        quarantined.add(delivery);
    };
    private final WebhookDelivery delivery = new WebhookDelivery(directory, new StandardWebhooksVerifier(clock),
            new FathomPayloadNormalizer(),
            new DeliveryClaims(claims, clock, Duration.ofSeconds(60), Duration.ZERO, Duration.ofMillis(10), d -> {
            }),
            calls, quarantine);

    @Test
    void notReadyIsUnavailable() {
        ready = false;
        assertThat(delivery.handle(signed("u1", "msg-1", BODY))).isInstanceOf(DeliveryOutcome.Unavailable.class);
    }

    @Test
    void unknownUserIsNotFound() {
        assertThat(delivery.handle(signed("u2", "msg-1", BODY))).isInstanceOf(DeliveryOutcome.UnknownUser.class);
    }

    @Test
    void badSignatureIsUnauthorizedAndClaimsNothing() {
        DeliveryRequest forged = new DeliveryRequest("u1", "msg-1", Long.toString(NOW.getEpochSecond()),
                "v1,AAAA", "application/json", bytes(BODY), NOW);

        assertThat(delivery.handle(forged)).isInstanceOf(DeliveryOutcome.Unauthorized.class);
        assertThat(claims.get(ClaimKey.webhook("u1", "msg-1"))).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void anErasedCallIsADuplicateUnderANewWebhookIdAndIsNotPublished() {
        String callId = ((DeliveryOutcome.Accepted) delivery.handle(signed("u1", "msg-1", BODY))).callIds().get(0);
        published.clear();
        new DeliveryClaims(claims, clock, Duration.ofSeconds(60), Duration.ZERO, Duration.ofMillis(10), d -> {
        }).markErased("org-1", callId);

        DeliveryOutcome again = delivery.handle(signed("u1", "msg-2", BODY));

        assertThat(again).isEqualTo(new DeliveryOutcome.Duplicate(List.of(callId)));
        assertThat(published).isEmpty();
        assertThat(claims.get(ClaimKey.call("org-1", callId)))
                .hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(Claim.State.ERASED));
    }

    @Test
    void acceptedCallCarriesTheOrgOfTheViewAndMarksClaimsPublished() {
        DeliveryOutcome outcome = delivery.handle(signed("u1", "msg-1", BODY));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Accepted.class);
        String callId = ((DeliveryOutcome.Accepted) outcome).callIds().get(0);
        assertThat(published).singleElement().satisfies(batch -> assertThat(batch).singleElement().satisfies(c -> {
            assertThat(c.orgId()).isEqualTo("org-1");
            assertThat(c.callId()).isEqualTo(callId);
            assertThat(c.receivedAt()).isEqualTo(NOW);
        }));
        assertThat(claims.get(ClaimKey.call("org-1", callId)))
                .hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(Claim.State.PUBLISHED));
    }

    @Test
    void retriedWebhookIdAndSameMeetingUnderNewIdAreDuplicatesPublishedOnce() {
        delivery.handle(signed("u1", "msg-1", BODY));

        assertThat(delivery.handle(signed("u1", "msg-1", BODY))).isInstanceOf(DeliveryOutcome.Duplicate.class);
        assertThat(delivery.handle(signed("u1", "msg-2", BODY))).isInstanceOf(DeliveryOutcome.Duplicate.class);
        assertThat(published).hasSize(1);
    }

    @Test
    void unrecognizedPayloadIsQuarantinedWithItsReason() {
        DeliveryOutcome outcome = delivery.handle(signed("u1", "msg-1", "{\"foo\":1}"));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Unprocessable.class);
        assertThat(quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(((DeliveryOutcome.Unprocessable) outcome).reason());
            assertThat(q.body()).isEqualTo(bytes("{\"foo\":1}"));
            assertThat(q.webhookId()).isEqualTo("msg-1");
        });
    }

    @Test
    void aRetriedQuarantinedDeliveryIsRefusedAgainWithoutASecondCopy() {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(delivery.handle(signed("u1", "msg-q", "{\"foo\":1}")))
                    .isInstanceOf(DeliveryOutcome.Unprocessable.class);
        }
        assertThat(quarantined).hasSize(1);

        assertThat(delivery.handle(signed("u1", "msg-other", "{\"foo\":1}")))
                .as("another message is another delivery").isInstanceOf(DeliveryOutcome.Unprocessable.class);
        assertThat(quarantined).extracting(QuarantinedDelivery::webhookId).containsExactly("msg-q", "msg-other");
    }

    @Test
    void aQuarantineThatFailedIsMadeByTheRetry() {
        kafkaDown = true;
        assertThat(delivery.handle(signed("u1", "msg-q", "{\"foo\":1}")))
                .isInstanceOf(DeliveryOutcome.Unavailable.class);
        assertThat(claims.get(ClaimKey.quarantine("u1", "msg-q"))).as("released").isEmpty();

        kafkaDown = false;
        assertThat(delivery.handle(signed("u1", "msg-q", "{\"foo\":1}")))
                .isInstanceOf(DeliveryOutcome.Unprocessable.class);
        assertThat(quarantined).singleElement().satisfies(q -> assertThat(q.webhookId()).isEqualTo("msg-q"));
    }

    @Test
    void aQuarantineInProgressElsewhereIsInProgress() {
        claims.put(new Claim(ClaimKey.quarantine("u1", "msg-q"), Claim.State.PENDING, "other", NOW, List.of()));

        assertThat(delivery.handle(signed("u1", "msg-q", "{\"foo\":1}")))
                .isInstanceOf(DeliveryOutcome.InProgress.class);
        assertThat(quarantined).isEmpty();
    }

    @Test
    void kafkaDownIsUnavailableReleasesClaimsAndTheRetryIsAccepted() {
        kafkaDown = true;
        assertThat(delivery.handle(signed("u1", "msg-1", BODY))).isInstanceOf(DeliveryOutcome.Unavailable.class);
        assertThat(claims.get(ClaimKey.webhook("u1", "msg-1"))).isEmpty();
        assertThat(delivery.handle(signed("u1", "msg-1", "{\"foo\":1}")))
                .isInstanceOf(DeliveryOutcome.Unavailable.class);

        kafkaDown = false;
        assertThat(delivery.handle(signed("u1", "msg-1", BODY))).isInstanceOf(DeliveryOutcome.Accepted.class);
        assertThat(published).hasSize(1);
    }

    @Test
    void callsTooLargeToPublishAreRefusedFor413AndTheBodyIsQuarantinedWithItsReason() {
        callsTooLarge = true;

        DeliveryOutcome outcome = delivery.handle(signed("u1", "msg-1", BODY));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.RecordTooLarge.class);
        assertThat(DeliveryResponses.status(outcome).value()).isEqualTo(413);
        assertThat(quarantined).singleElement().satisfies(q -> {
            assertThat(q.body()).isEqualTo(bytes(BODY));
            assertThat(q.webhookId()).isEqualTo("msg-1");
            assertThat(q.reason()).startsWith("record too large").contains("12000000 bytes")
                    .isEqualTo(((DeliveryOutcome.RecordTooLarge) outcome).reason());
        });
        assertThat(published).isEmpty();
        assertThat(claims.get(ClaimKey.webhook("u1", "msg-1"))).as("released for a replay").isEmpty();
    }

    @Test
    void callsTooLargeRetriedUnderTheSameWebhookIdAreQuarantinedOnce() {
        callsTooLarge = true;

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(delivery.handle(signed("u1", "msg-1", BODY))).isInstanceOf(DeliveryOutcome.RecordTooLarge.class);
        }

        assertThat(quarantined).hasSize(1);
    }

    @Test
    void callsTooLargeButNoQuarantineIsUnavailable() {
        callsTooLarge = true;
        kafkaDown = true;

        assertThat(delivery.handle(signed("u1", "msg-1", BODY))).isInstanceOf(DeliveryOutcome.Unavailable.class);
    }

    @Test
    void onlyASizeRefusalIsTakenForTooLarge() {
        PublishException refused = new PublishException("x", new RuntimeException(new RecordTooLargeException("big")));
        assertThat(refused.recordTooLarge()).isTrue();
        assertThat(refused.tooLargeDetail()).isEqualTo("big");
        assertThat(new PublishException("x", new java.util.concurrent.TimeoutException()).recordTooLarge()).isFalse();
        assertThat(new PublishException("x", null).recordTooLarge()).isFalse();
    }

    @Test
    void callBeingPublishedByAnotherDeliveryIsInProgressAndReleasesTheWebhookClaim() {
        String callId = ((DeliveryOutcome.Accepted) delivery.handle(signed("u1", "msg-0", BODY))).callIds().get(0);
        claims.put(new Claim(ClaimKey.call("org-1", callId), Claim.State.PENDING, "other", NOW, List.of(callId)));

        assertThat(delivery.handle(signed("u1", "msg-1", BODY))).isInstanceOf(DeliveryOutcome.InProgress.class);
        assertThat(claims.get(ClaimKey.webhook("u1", "msg-1"))).isEmpty();
    }

    private DeliveryRequest signed(String userId, String webhookId, String body) {
        long ts = NOW.getEpochSecond();
        return new DeliveryRequest(userId, webhookId, Long.toString(ts),
                StandardWebhooksSigner.sign(SECRET, webhookId, ts, bytes(body)), "application/json", bytes(body), NOW);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
