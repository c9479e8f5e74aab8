package com.salesai.bench.hotpaths;

import com.salesai.bench.payloads.FathomPayloads;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import com.salesai.schema.webhooks.StandardWebhooksVerifier;
import com.salesai.schema.webhooks.VerificationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Standard Webhooks verification (HMAC-SHA256 over id.timestamp.body, constant-time compare) of a ~60 KB body. */
@State(Scope.Benchmark)
public class WebhookVerifyBench {
    private static final long TIMESTAMP = 1_700_000_000L;

    private StandardWebhooksVerifier verifier;
    private String secret;
    private String signature;
    private byte[] body;

    @Setup
    public void prepare() {
        verifier = new StandardWebhooksVerifier(Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC));
        secret = StandardWebhooksSigner.newSecret();
        body = FathomPayloads.body("fathom-meeting", FathomPayloads.DEFAULT_SIZE);
        signature = StandardWebhooksSigner.sign(secret, "msg_bench", TIMESTAMP, body);
        if (!(verify() instanceof VerificationResult.Verified)) {
            throw new IllegalStateException("benchmark signature does not verify");
        }
    }

    @Benchmark
    public VerificationResult verify() {
        return verifier.verify(secret, "msg_bench", Long.toString(TIMESTAMP), signature, body);
    }
}
