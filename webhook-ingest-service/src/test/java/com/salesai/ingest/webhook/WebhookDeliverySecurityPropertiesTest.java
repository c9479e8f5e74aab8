package com.salesai.ingest.webhook;

import com.salesai.ingest.dedup.DeliveryClaims;
import com.salesai.ingest.dedup.InMemoryClaimRepository;
import com.salesai.ingest.publish.CallPublisher;
import com.salesai.ingest.publish.QuarantinePublisher;
import com.salesai.ingest.publish.QuarantinedDelivery;
import com.salesai.ingest.secrets.IntegrationDirectory;
import com.salesai.ingest.secrets.UserIntegration;
import com.salesai.schema.attribution.OrgRecorders;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import com.salesai.schema.webhooks.StandardWebhooksVerifier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeTry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signature fuzzing over the delivery decision (plain Java, fakes for Kafka and the dedup store): whatever the
 * headers and body, nothing that is not signed with the addressed user's own secret, within 300 s, reaches the
 * call publisher or the quarantine.
 */
class WebhookDeliverySecurityPropertiesTest {
    private static final Instant T0 = Instant.parse("2025-03-04T15:00:00Z");
    private static final UserIntegration ALICE = new UserIntegration("alice", "org-1",
            StandardWebhooksSigner.newSecret(), 1, null, null);
    private static final UserIntegration BOB = new UserIntegration("bob", "org-1",
            StandardWebhooksSigner.newSecret(), 1, null, null);
    private static final Map<String, UserIntegration> USERS = Map.of("alice", ALICE, "bob", BOB);
    private static final String NESTED = "{\"id\":\"rec-%s\",\"fathom_user\":{\"email\":\"rep@acme.com\"},"
            + "\"meeting\":{\"title\":\"Demo\"},\"transcript\":{\"plaintext\":\"Rep: hi\"}}";

    private MovableClock clock;
    private List<CallRecorded> published;
    private List<QuarantinedDelivery> quarantined;
    private WebhookDelivery delivery;

    @BeforeTry
    void freshService() {
        clock = new MovableClock(T0);
        published = new ArrayList<>();
        quarantined = new ArrayList<>();
        IntegrationDirectory directory = new IntegrationDirectory() {
            public boolean isReady() {
                return true;
            }

            public Optional<UserIntegration> activeIntegration(String userId) {
                return Optional.ofNullable(USERS.get(userId));
            }

            public OrgRecorders recorders(String orgId) {
                return OrgRecorders.of(Map.of());
            }
        };
        CallPublisher calls = published::addAll;
        QuarantinePublisher quarantine = quarantined::add;
        delivery = new WebhookDelivery(directory, new StandardWebhooksVerifier(clock), new FathomPayloadNormalizer(),
                new DeliveryClaims(new InMemoryClaimRepository(), clock, Duration.ofSeconds(60), Duration.ZERO,
                        Duration.ofMillis(10), d -> {
                }), calls, quarantine);
    }

    @Property(tries = 500)
    void arbitraryHeadersAndBodiesAreNeverPublished(@ForAll("users") String userId, @ForAll("headers") String id,
                                                    @ForAll("timestamps") String timestamp,
                                                    @ForAll("signatures") String signature, @ForAll("bodies") byte[] body) {
        DeliveryOutcome outcome = delivery.handle(request(userId, id, timestamp, signature, body));

        assertThat(outcome).isInstanceOfAny(DeliveryOutcome.Unauthorized.class, DeliveryOutcome.UnknownUser.class);
        assertNothingPublished();
    }

    @Property(tries = 300)
    void aSignedDeliveryWithOneThingChangedIsUnauthorized(@ForAll("bodies") byte[] body,
                                                          @ForAll @IntRange(max = 5) int tamper,
                                                          @ForAll @IntRange(min = 0, max = 10_000) int position) {
        String id = "msg_" + position;
        long ts = T0.getEpochSecond();
        String signature = StandardWebhooksSigner.sign(ALICE.webhookSecret(), id, ts, body);
        DeliveryRequest forged = switch (tamper) {
            case 0 -> request("alice", id, Long.toString(ts), signature, flipOneByte(body, position));
            case 1 -> request("alice", id + "x", Long.toString(ts), signature, body);
            case 2 -> request("alice", id, Long.toString(ts + 1), signature, body);
            case 3 -> request("alice", id, Long.toString(ts),
                    StandardWebhooksSigner.sign(BOB.webhookSecret(), id, ts, body), body);
            case 4 -> request("bob", id, Long.toString(ts), signature, body);
            default -> request("alice", id, Long.toString(ts), signature.replace("v1,", "v2,"), body);
        };

        assertThat(delivery.handle(forged)).isInstanceOf(DeliveryOutcome.Unauthorized.class);
        assertNothingPublished();
    }

    @Example
    void aDeliveryForAliceSignedWithBobsSecretIsUnauthorized() {
        byte[] body = bytes(NESTED.formatted("cross"));
        long ts = T0.getEpochSecond();

        DeliveryOutcome outcome = delivery.handle(request("alice", "msg_1", Long.toString(ts),
                StandardWebhooksSigner.sign(BOB.webhookSecret(), "msg_1", ts, body), body));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Unauthorized.class);
        assertNothingPublished();
    }

    @Example
    void aValidDeliveryReplayedAfter301SecondsIsUnauthorized() {
        byte[] body = bytes(NESTED.formatted("replayed"));
        long ts = T0.getEpochSecond();
        DeliveryRequest valid = request("alice", "msg_1", Long.toString(ts),
                StandardWebhooksSigner.sign(ALICE.webhookSecret(), "msg_1", ts, body), body);
        assertThat(delivery.handle(valid)).isInstanceOf(DeliveryOutcome.Accepted.class);
        // a replay under a new webhook id would otherwise be a fresh delivery; the timestamp bounds the window
        DeliveryRequest sameBodyNewId = request("alice", "msg_2", Long.toString(ts),
                StandardWebhooksSigner.sign(ALICE.webhookSecret(), "msg_2", ts, body), body);

        clock.set(T0.plusSeconds(301));

        assertThat(delivery.handle(valid)).isInstanceOf(DeliveryOutcome.Unauthorized.class);
        assertThat(delivery.handle(sameBodyNewId)).isInstanceOf(DeliveryOutcome.Unauthorized.class);
        assertThat(published).hasSize(1);
    }

    @Property(tries = 100)
    void whatIsProperlySignedIsPublishedOrQuarantinedButNeverRefusedAsUnsigned(@ForAll("bodies") byte[] body,
                                                                               @ForAll @IntRange(max = 300) int age) {
        long ts = T0.getEpochSecond() - age;
        DeliveryOutcome outcome = delivery.handle(request("alice", "msg_ok", Long.toString(ts),
                StandardWebhooksSigner.sign(ALICE.webhookSecret(), "msg_ok", ts, body), body));

        assertThat(outcome).isInstanceOfAny(DeliveryOutcome.Accepted.class, DeliveryOutcome.Unprocessable.class);
        assertThat(published.size() + quarantined.size()).isPositive();
    }

    @Provide
    Arbitrary<String> users() {
        return Arbitraries.of("alice", "bob", "mallory", "", "alice/../bob");
    }

    @Provide
    Arbitrary<String> headers() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80), Arbitraries.just(null),
                Arbitraries.of("msg_1", "msg_p5jXN8AQM9LWM0D4loKWxJek"));
    }

    @Provide
    Arbitrary<String> timestamps() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20), Arbitraries.just(null),
                Arbitraries.longs().between(T0.getEpochSecond() - 1000, T0.getEpochSecond() + 1000)
                        .map(String::valueOf));
    }

    @Provide
    Arbitrary<String> signatures() {
        Arbitrary<String> base64 = Arbitraries.bytes().array(byte[].class).ofSize(32)
                .map(b -> java.util.Base64.getEncoder().encodeToString(b));
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(120), Arbitraries.just(null),
                base64.map(s -> "v1," + s), base64.list().ofMaxSize(4).map(list -> "v1," + String.join(" v1,", list)),
                Arbitraries.of("v1,", "v1", " ", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)
                        .map(id -> bytes(NESTED.formatted(id))),
                Arbitraries.of(bytes("{}"), bytes("[]"), bytes(""), bytes("{\"data\":\"{}\"}")));
    }

    private void assertNothingPublished() {
        assertThat(published).isEmpty();
        assertThat(quarantined).isEmpty();
    }

    private DeliveryRequest request(String userId, String id, String timestamp, String signature, byte[] body) {
        return new DeliveryRequest(userId, id, timestamp, signature, "application/json", body, clock.instant());
    }

    private static byte[] flipOneByte(byte[] body, int position) {
        if (body.length == 0) {
            return new byte[] {'x'};
        }
        byte[] copy = body.clone();
        copy[position % copy.length] ^= 0x01;
        return copy;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
