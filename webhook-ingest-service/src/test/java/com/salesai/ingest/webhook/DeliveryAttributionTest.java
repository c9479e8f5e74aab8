package com.salesai.ingest.webhook;

import com.salesai.ingest.dedup.Claim;
import com.salesai.ingest.dedup.ClaimKey;
import com.salesai.ingest.dedup.DeliveryClaims;
import com.salesai.ingest.dedup.InMemoryClaimRepository;
import com.salesai.ingest.publish.CallPublisher;
import com.salesai.ingest.secrets.IntegrationDirectory;
import com.salesai.ingest.secrets.UserIntegration;
import com.salesai.schema.attribution.OrgRecorders;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import com.salesai.schema.webhooks.StandardWebhooksVerifier;
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

/** Two members of one organization receive the same recordings: one call each, credited to whoever recorded it. */
class DeliveryAttributionTest {
    private static final Instant NOW = Instant.parse("2025-03-04T15:00:00Z");
    private static final UserIntegration ALICE = new UserIntegration("rep-alice", "org-acme",
            StandardWebhooksSigner.newSecret(), 1, null, null);
    private static final UserIntegration BRUNO = new UserIntegration("rep-bruno", "org-acme",
            StandardWebhooksSigner.newSecret(), 1, null, null);
    private static final UserIntegration OLGA = new UserIntegration("rep-olga", "org-globex",
            StandardWebhooksSigner.newSecret(), 1, null, null);
    private static final Map<String, UserIntegration> USERS = Map.of(ALICE.userId(), ALICE, BRUNO.userId(), BRUNO,
            OLGA.userId(), OLGA);
    /** As the view keeps them: Alice records under a Fathom email that differs from her login. */
    private static final Map<String, OrgRecorders> RECORDERS = Map.of(
            "org-acme", OrgRecorders.of(Map.of("Alice.Rec@Acme.com", ALICE.userId(), "bruno@acme.com", BRUNO.userId())),
            "org-globex", OrgRecorders.of(Map.of("olga@globex.com", OLGA.userId())));

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryClaimRepository claims = new InMemoryClaimRepository();
    private final List<CallRecorded> published = new ArrayList<>();
    private final IntegrationDirectory directory = new IntegrationDirectory() {
        public boolean isReady() {
            return true;
        }

        public Optional<UserIntegration> activeIntegration(String userId) {
            return Optional.ofNullable(USERS.get(userId));
        }

        public OrgRecorders recorders(String orgId) {
            return RECORDERS.getOrDefault(orgId, OrgRecorders.of(Map.of()));
        }
    };
    private final CallPublisher calls = published::addAll;
    private final WebhookDelivery delivery = new WebhookDelivery(directory, new StandardWebhooksVerifier(clock),
            new FathomPayloadNormalizer(),
            new DeliveryClaims(claims, clock, Duration.ofSeconds(60), Duration.ZERO, Duration.ofMillis(10), d -> {
            }),
            calls, quarantined -> {
            });

    @Test
    void aRecordingDeliveredToTwoMembersIsOneCallCreditedToItsRecorder() {
        String body = meeting(1001, "alice.rec@ACME.com");

        DeliveryOutcome atAlice = delivery.handle(signed(ALICE, "msg_a1", body));
        DeliveryOutcome atBruno = delivery.handle(signed(BRUNO, "msg_b1", body));

        assertThat(atAlice).isInstanceOf(DeliveryOutcome.Accepted.class);
        assertThat(atBruno).isInstanceOf(DeliveryOutcome.Duplicate.class);
        assertThat(((DeliveryOutcome.Duplicate) atBruno).callIds())
                .isEqualTo(((DeliveryOutcome.Accepted) atAlice).callIds());
        assertThat(published).singleElement().satisfies(call -> {
            assertThat(call.userId()).isEqualTo(ALICE.userId());
            assertThat(call.attribution()).isEqualTo(Attribution.RECORDER);
            assertThat(call.receivedBy()).isEqualTo(ALICE.userId());
            assertThat(call.orgId()).isEqualTo("org-acme");
        });
    }

    @Test
    void creditGoesToTheRecorderEvenWhenAColleaguesUrlBroughtItFirst() {
        String body = meeting(1002, "alice.rec@acme.com");

        assertThat(delivery.handle(signed(BRUNO, "msg_b2", body))).isInstanceOf(DeliveryOutcome.Accepted.class);
        assertThat(delivery.handle(signed(ALICE, "msg_a2", body))).isInstanceOf(DeliveryOutcome.Duplicate.class);

        assertThat(published).singleElement().satisfies(call -> {
            assertThat(call.userId()).isEqualTo(ALICE.userId());
            assertThat(call.attribution()).isEqualTo(Attribution.RECORDER);
            assertThat(call.receivedBy()).isEqualTo(BRUNO.userId());
        });
    }

    @Test
    void aRecordingBySomeoneOutsideTheOrgStaysWithItsReceiverAsShared() {
        assertThat(delivery.handle(signed(BRUNO, "msg_b3", meeting(1003, "pat@partner.io"))))
                .isInstanceOf(DeliveryOutcome.Accepted.class);
        assertThat(delivery.handle(signed(BRUNO, "msg_b4", meeting(1004, "olga@globex.com"))))
                .as("a member of another organization is no member of this one")
                .isInstanceOf(DeliveryOutcome.Accepted.class);

        assertThat(published).hasSize(2).allSatisfy(call -> {
            assertThat(call.userId()).isEqualTo(BRUNO.userId());
            assertThat(call.attribution()).isEqualTo(Attribution.SHARED);
            assertThat(call.receivedBy()).isEqualTo(BRUNO.userId());
        });
    }

    @Test
    void theSameRecordingInTwoOrganizationsIsTwoCalls() {
        String body = meeting(1005, "pat@partner.io");

        assertThat(delivery.handle(signed(BRUNO, "msg_b5", body))).isInstanceOf(DeliveryOutcome.Accepted.class);
        assertThat(delivery.handle(signed(OLGA, "msg_o5", body))).isInstanceOf(DeliveryOutcome.Accepted.class);

        assertThat(published).extracting(CallRecorded::orgId).containsExactly("org-acme", "org-globex");
        assertThat(published).extracting(CallRecorded::callId).doesNotHaveDuplicates();
    }

    @Test
    void theCallIsClaimedForTheOrganizationAndEachWebhookIdForItsReceiver() {
        String callId = ((DeliveryOutcome.Accepted) delivery.handle(
                signed(ALICE, "msg_same", meeting(1006, "alice.rec@acme.com")))).callIds().get(0);

        assertThat(claims.get(ClaimKey.call("org-acme", callId)))
                .hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(Claim.State.PUBLISHED));
        assertThat(claims.get(ClaimKey.webhook(ALICE.userId(), "msg_same"))).isPresent();
        // Svix ids are per endpoint: Bruno's endpoint may reuse the id for its own message.
        assertThat(delivery.handle(signed(BRUNO, "msg_same", meeting(1007, "bruno@acme.com"))))
                .isInstanceOf(DeliveryOutcome.Accepted.class);
    }

    /** A fathom-meeting payload, as Fathom's webhooks send it, recorded by {@code recorderEmail}. */
    static String meeting(long recordingId, String recorderEmail) {
        return "{\"recording_id\":" + recordingId + ",\"title\":\"Discovery " + recordingId + "\","
                + "\"url\":\"https://fathom.video/calls/" + (recordingId + 500) + "\","
                + "\"recorded_by\":{\"name\":\"Recorder\",\"email\":\"" + recorderEmail + "\"},"
                + "\"transcript\":[{\"speaker\":{\"display_name\":\"Recorder\"},\"text\":\"Bonjour\","
                + "\"timestamp\":\"00:00:05\"}]}";
    }

    private DeliveryRequest signed(UserIntegration user, String webhookId, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long ts = NOW.getEpochSecond();
        return new DeliveryRequest(user.userId(), webhookId, Long.toString(ts),
                StandardWebhooksSigner.sign(user.webhookSecret(), webhookId, ts, bytes), "application/json", bytes,
                NOW);
    }
}
