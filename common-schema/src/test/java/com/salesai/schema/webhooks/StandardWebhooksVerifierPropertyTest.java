package com.salesai.schema.webhooks;

import com.salesai.schema.webhooks.VerificationResult.Rejected;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class StandardWebhooksVerifierPropertyTest {
    private static final long NOW = 1_700_000_000L;
    private static final String SECRET = StandardWebhooksSigner.newSecret();

    private final StandardWebhooksVerifier verifier =
            new StandardWebhooksVerifier(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Property
    void arbitraryHeadersAreRejectedWithoutThrowing(@ForAll("headers") String id, @ForAll("headers") String timestamp,
                                                    @ForAll("headers") String signature, @ForAll byte[] body) {
        assertThat(verifier.verify(SECRET, id, timestamp, signature, body)).isInstanceOf(Rejected.class);
    }

    /** With a fresh timestamp the HMAC is actually computed, so this reaches the signature comparison. */
    @Property
    void arbitrarySignaturesOverFreshTimestampsAreRejected(@ForAll("headers") String id,
                                                           @ForAll @LongRange(min = -300, max = 300) long skew,
                                                           @ForAll("signatures") String signature,
                                                           @ForAll byte[] body) {
        assertThat(verifier.verify(SECRET, id, Long.toString(NOW + skew), signature, body))
                .isInstanceOf(Rejected.class);
    }

    @Property
    void arbitrarySecretsNeverThrow(@ForAll("headers") String secret, @ForAll byte[] body) {
        String signature = StandardWebhooksSigner.sign(SECRET, "msg_1", NOW, body);

        VerificationResult result = verifier.verify(secret, "msg_1", Long.toString(NOW), signature, body);

        assertThat(result.isVerified()).isEqualTo(secret != null && secret.equals(SECRET));
    }

    @Property
    void whatIsSignedWithTheSecretVerifies(@ForAll("ids") String id,
                                           @ForAll @LongRange(min = -300, max = 300) long skew,
                                           @ForAll byte[] body) {
        String signature = StandardWebhooksSigner.sign(SECRET, id, NOW + skew, body);

        assertThat(verifier.verify(SECRET, id, Long.toString(NOW + skew), signature, body).isVerified()).isTrue();
    }

    @Provide
    Arbitrary<String> headers() {
        return Arbitraries.strings().ofMaxLength(80).injectNull(0.05);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank());
    }

    /** Well-formed looking entries, mostly base64 of the right length, plus arbitrary noise. */
    @Provide
    Arbitrary<String> signatures() {
        Arbitrary<String> entry = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofSize(32)
                        .map(bytes -> "v1," + Base64.getEncoder().encodeToString(bytes)),
                Arbitraries.strings().ofMaxLength(50).map(s -> "v1," + s),
                Arbitraries.strings().ofMaxLength(50));
        return entry.list().ofMinSize(1).ofMaxSize(4).map(entries -> String.join(" ", entries));
    }
}
