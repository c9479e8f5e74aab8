package com.salesai.schema.webhooks;

import com.salesai.schema.webhooks.VerificationResult.Reason;
import com.salesai.schema.webhooks.VerificationResult.Rejected;
import com.salesai.schema.webhooks.VerificationResult.Verified;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class StandardWebhooksVerifierTest {
    // The test vector of the Standard Webhooks spec, also quoted in the design.
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final String TIMESTAMP = "1614265330";
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final StandardWebhooksVerifier verifier = verifierAt(Long.parseLong(TIMESTAMP));

    static StandardWebhooksVerifier verifierAt(long epochSecond) {
        return new StandardWebhooksVerifier(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void acceptsTheSpecTestVector() {
        assertThat(verifier.verify(SECRET, ID, TIMESTAMP, SIGNATURE, BODY)).isInstanceOf(Verified.class);
    }

    @Test
    void acceptsASecretWithoutPrefixAsBase64() {
        assertThat(verifier.verify(SECRET.substring("whsec_".length()), ID, TIMESTAMP, SIGNATURE, BODY).isVerified())
                .isTrue();
    }

    @Test
    void acceptsWhenAnyOfSeveralSignaturesMatches() {
        String header = "v1,Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyMTI= v2,whatever " + SIGNATURE + " v1,bm9wZQ==";

        assertThat(verifier.verify(SECRET, ID, TIMESTAMP, header, BODY).isVerified()).isTrue();
    }

    @Test
    void ignoresSignaturesOfOtherVersions() {
        String header = SIGNATURE.replace("v1,", "v2,") + " " + SIGNATURE.replace("v1,", "v1a,");

        assertRejected(verifier.verify(SECRET, ID, TIMESTAMP, header, BODY), Reason.INVALID_SIGNATURE);
    }

    @Test
    void rejectsABodyWithOneByteChanged() {
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 2] ^= 1;

        assertRejected(verifier.verify(SECRET, ID, TIMESTAMP, SIGNATURE, tampered), Reason.INVALID_SIGNATURE);
    }

    @Test
    void rejectsTheSameJsonReformatted() {
        byte[] reformatted = "{\"test\":2432232314}".getBytes(StandardCharsets.UTF_8);

        assertRejected(verifier.verify(SECRET, ID, TIMESTAMP, SIGNATURE, reformatted), Reason.INVALID_SIGNATURE);
    }

    @Test
    void rejectsAnotherIdOrTimestampThanSigned() {
        assertRejected(verifier.verify(SECRET, ID + "x", TIMESTAMP, SIGNATURE, BODY), Reason.INVALID_SIGNATURE);
        assertRejected(verifier.verify(SECRET, ID, "1614265331", SIGNATURE, BODY), Reason.INVALID_SIGNATURE);
    }

    @Test
    void rejectsAWrongSecret() {
        String otherSecret = StandardWebhooksSigner.newSecret();

        assertRejected(verifier.verify(otherSecret, ID, TIMESTAMP, SIGNATURE, BODY), Reason.INVALID_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301})
    void rejectsATimestampMoreThanToleranceAway(long skew) {
        long now = Long.parseLong(TIMESTAMP) + skew;

        assertRejected(verifierAt(now).verify(SECRET, ID, TIMESTAMP, SIGNATURE, BODY), Reason.STALE_TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(longs = {-299, 299, -300, 300})
    void acceptsATimestampWithinTolerance(long skew) {
        long now = Long.parseLong(TIMESTAMP) + skew;

        assertThat(verifierAt(now).verify(SECRET, ID, TIMESTAMP, SIGNATURE, BODY).isVerified()).isTrue();
    }

    @Test
    void rejectsMissingHeadersNamingThem() {
        assertRejected(verifier.verify(SECRET, null, TIMESTAMP, SIGNATURE, BODY), Reason.MISSING_HEADERS);
        assertRejected(verifier.verify(SECRET, ID, null, SIGNATURE, BODY), Reason.MISSING_HEADERS);
        assertRejected(verifier.verify(SECRET, ID, TIMESTAMP, null, BODY), Reason.MISSING_HEADERS);
        assertRejected(verifier.verify(SECRET, " ", "", SIGNATURE, BODY), Reason.MISSING_HEADERS);

        Rejected rejected = (Rejected) verifier.verify(SECRET, null, TIMESTAMP, "", BODY);
        assertThat(rejected.message()).contains("webhook-id", "webhook-signature").doesNotContain("webhook-timestamp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1614265330.5", "1614265330 ", "0x60370b72", "99999999999999999999"})
    void rejectsATimestampThatIsNotAnInteger(String timestamp) {
        assertRejected(verifier.verify(SECRET, ID, timestamp, SIGNATURE, BODY), Reason.INVALID_TIMESTAMP);
    }

    @Test
    void rejectsAnExtremeTimestampAsStale() {
        assertRejected(verifier.verify(SECRET, ID, Long.toString(Long.MIN_VALUE), SIGNATURE, BODY),
                Reason.STALE_TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1,!!!not base64!!!", "v1,", "v1", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ", ",,, v1,=="})
    void treatsGarbageSignaturesAsNonMatching(String header) {
        assertRejected(verifier.verify(SECRET, ID, TIMESTAMP, header, BODY), Reason.INVALID_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"whsec_!!!", "whsec_", "not base64 at all"})
    void rejectsAnUnusableSecretWithoutEchoingIt(String secret) {
        Rejected rejected = assertRejected(verifier.verify(secret, ID, TIMESTAMP, SIGNATURE, BODY),
                Reason.INVALID_SECRET);

        assertThat(rejected.message()).doesNotContain(secret);
    }

    @Test
    void rejectsAMissingSecret() {
        assertRejected(verifier.verify(null, ID, TIMESTAMP, SIGNATURE, BODY), Reason.INVALID_SECRET);
    }

    @Test
    void messagesNeverContainSecretOrBody() {
        Rejected rejected = assertRejected(verifier.verify(SECRET, ID, TIMESTAMP, "v1,AAAA", BODY),
                Reason.INVALID_SIGNATURE);

        assertThat(rejected.message()).doesNotContain(SECRET.substring(6), new String(BODY, StandardCharsets.UTF_8));
    }

    @Test
    void verifiesWhatTheSignerSigned() {
        String secret = StandardWebhooksSigner.newSecret();
        byte[] body = new byte[60 * 1024];
        new Random(7).nextBytes(body);
        long now = 1_700_000_000L;

        String signature = StandardWebhooksSigner.sign(secret, "msg_1", now, body);

        assertThat(verifierAt(now).verify(secret, "msg_1", Long.toString(now), signature, body).isVerified()).isTrue();
    }

    private static Rejected assertRejected(VerificationResult result, Reason reason) {
        assertThat(result).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(reason));
        return (Rejected) result;
    }
}
