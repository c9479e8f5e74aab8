package com.salesai.ingest.webhook;

import com.salesai.ingest.dedup.ClaimKey;
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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The order in which a delivery is taken, without Spring or a socket: nothing is read before it may be. */
class WebhookIntakeTest {
    private static final Instant NOW = Instant.parse("2025-03-04T15:00:00Z");
    private static final String SECRET = StandardWebhooksSigner.newSecret();
    private static final UserIntegration USER = new UserIntegration("u1", "org-1", SECRET, 1, null, null);
    private static final long MAX_BODY = 10_000;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] BODY = ("{\"id\":\"rec-1\",\"fathom_user\":{\"email\":\"rep@acme.com\"},"
            + "\"meeting\":{\"title\":\"Demo\"},\"transcript\":{\"plaintext\":\"Rep: hi\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private final MovableClock clock = new MovableClock(NOW);
    private final InMemoryClaimRepository claims = new InMemoryClaimRepository();
    private final InflightBytes budget = new InflightBytes(3 * MAX_BODY);
    private final List<Long> reservedWhilePublishing = new ArrayList<>();
    private final List<CallRecorded> published = new ArrayList<>();
    private final List<Long> bodiesRead = new ArrayList<>();
    private boolean ready = true;

    private final IntegrationDirectory directory = new IntegrationDirectory() {
        public boolean isReady() {
            return ready;
        }

        public Optional<UserIntegration> activeIntegration(String userId) {
            return USER.userId().equals(userId) ? Optional.of(USER) : Optional.empty();
        }

        public OrgRecorders recorders(String orgId) {
            return OrgRecorders.of(Map.of());
        }
    };
    private final WebhookDelivery delivery = new WebhookDelivery(directory, new StandardWebhooksVerifier(clock),
            new FathomPayloadNormalizer(),
            new DeliveryClaims(claims, clock, Duration.ofSeconds(60), Duration.ZERO, Duration.ofMillis(10), d -> {
            }),
            batch -> {
                reservedWhilePublishing.add(budget.reserved());
                published.addAll(batch);
            },
            quarantined -> {
            });
    private final WebhookIntake intake = new WebhookIntake(delivery, budget, MAX_BODY, READ_TIMEOUT, clock,
            bodiesRead::add);

    @Test
    void theViewComesFirstThenTheUserThenTheHeadersThenTheSizeThenTheBudget() throws IOException {
        DeliveryHeaders unknownUnsignedAndTooLarge = new DeliveryHeaders("nobody", null, null, null,
                "application/json", MAX_BODY + 1);
        ready = false;
        assertRefusedUnread(unknownUnsignedAndTooLarge, DeliveryOutcome.Unavailable.class);
        ready = true;
        assertRefusedUnread(unknownUnsignedAndTooLarge, DeliveryOutcome.UnknownUser.class);

        assertRefusedUnread(new DeliveryHeaders("u1", "msg-1", null, null, "application/json", MAX_BODY + 1),
                DeliveryOutcome.Unauthorized.class);
        String stale = Long.toString(NOW.minusSeconds(301).getEpochSecond());
        assertRefusedUnread(new DeliveryHeaders("u1", "msg-1", stale, "v1,AAAA", "application/json", MAX_BODY + 1),
                DeliveryOutcome.Unauthorized.class);

        String fresh = Long.toString(NOW.getEpochSecond());
        assertRefusedUnread(new DeliveryHeaders("u1", "msg-1", fresh, "v1,AAAA", "application/json", MAX_BODY + 1),
                DeliveryOutcome.TooLarge.class);
        try (InflightBytes.Reservation others = budget.tryReserve(2 * MAX_BODY + 1).orElseThrow()) {
            assertRefusedUnread(new DeliveryHeaders("u1", "msg-1", fresh, "v1,AAAA", "application/json", MAX_BODY),
                    DeliveryOutcome.Unavailable.class);
        }
        assertThat(budget.reserved()).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void anAdmittedBodyIsReadWholeAndItsBytesStayReservedUntilItIsDecided() throws IOException {
        DeliveryOutcome outcome = intake.receive(signed("msg-1", BODY.length), () -> new ByteArrayInputStream(BODY));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Accepted.class);
        assertThat(reservedWhilePublishing).containsExactly((long) BODY.length);
        assertThat(budget.reserved()).isZero();
        assertThat(bodiesRead).containsExactly((long) BODY.length);
    }

    @Test
    void aBodyWithoutContentLengthIsCountedAtTheBodyLimit() throws IOException {
        DeliveryOutcome outcome = intake.receive(signed("msg-1", -1), () -> new ByteArrayInputStream(BODY));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Accepted.class);
        assertThat(reservedWhilePublishing).containsExactly(MAX_BODY);
        assertThat(budget.reserved()).isZero();
    }

    @Test
    void aSenderSlowerThanTheReadTimeoutIsCutOffWithNothingClaimedOrPublished() throws IOException {
        InputStream oneBytePerSecond = new InputStream() {
            private int next;

            public int read() {
                clock.advance(Duration.ofSeconds(1));
                return BODY[next++];
            }

            public int read(byte[] into, int offset, int length) {
                into[offset] = (byte) read();
                return 1;
            }
        };

        DeliveryOutcome outcome = intake.receive(signed("msg-1", BODY.length), () -> oneBytePerSecond);

        assertThat(outcome).isEqualTo(new DeliveryOutcome.TimedOut(READ_TIMEOUT.toSeconds()));
        assertThat(published).isEmpty();
        assertThat(claims.get(ClaimKey.webhook("u1", "msg-1"))).isEmpty();
        assertThat(budget.reserved()).isZero();
        assertThat(DeliveryResponses.status(outcome).value()).isEqualTo(408);
    }

    @Test
    void aBodyShorterThanItsContentLengthIsIncompleteAndNothingIsPublished() throws IOException {
        DeliveryOutcome outcome = intake.receive(signed("msg-1", BODY.length + 10),
                () -> new ByteArrayInputStream(BODY));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.BodyIncomplete(BODY.length));
        assertThat(published).isEmpty();
        assertThat(budget.reserved()).isZero();
        assertThat(DeliveryResponses.status(outcome).value()).isEqualTo(400);
    }

    private void assertRefusedUnread(DeliveryHeaders headers, Class<? extends DeliveryOutcome> refusal)
            throws IOException {
        DeliveryOutcome outcome = intake.receive(headers, () -> {
            throw new AssertionError("the body of " + headers + " was opened before it was authorized");
        });
        assertThat(outcome).as(headers.toString()).isInstanceOf(refusal);
    }

    private DeliveryHeaders signed(String webhookId, long contentLength) {
        long ts = clock.instant().getEpochSecond();
        return new DeliveryHeaders("u1", webhookId, Long.toString(ts),
                StandardWebhooksSigner.sign(SECRET, webhookId, ts, BODY), "application/json", contentLength);
    }
}
