package com.salesai.ingest.webhook;

import com.salesai.ingest.LargeBodySpringTest;
import com.salesai.ingest.WebhookClient;
import com.salesai.testsupport.SlowUpload;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While a slow 9 MiB body holds most of the in-flight budget ({@value #INFLIGHT_BYTES} bytes here), a second one is
 * answered 503 with Retry-After from its headers, unread; once the first is answered its bytes are free again.
 */
class InflightBudgetTest extends LargeBodySpringTest {
    private static final byte[] NINE_MEBIBYTES = new byte[9 * 1024 * 1024];

    @Autowired
    private MeterRegistry registry;

    @Test
    void aBodyPastTheBudgetIs503WithRetryAfterUnreadAndTheBudgetComesBackWhenTheHolderIsAnswered()
            throws IOException {
        TestUser user = activeUser();

        try (SlowUpload holder = upload(user)) {
            await().atMost(Duration.ofSeconds(READ_TIMEOUT_SECONDS))
                    .until(() -> inflightBytes() == NINE_MEBIBYTES.length);
            try (SlowUpload second = upload(user)) {
                SlowUpload.Answer refused = second.answer(Duration.ofSeconds(READ_TIMEOUT_SECONDS));

                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).hasValue("30");
                assertThat(refused.header("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(refused.bodyBytesSent()).isLessThan(NINE_MEBIBYTES.length / 100);
                assertThat(inflightBytes()).as("the refused body reserved nothing").isEqualTo(NINE_MEBIBYTES.length);
            }
            assertThat(holder.answer(Duration.ofSeconds(4L * READ_TIMEOUT_SECONDS)).status()).isEqualTo(408);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> inflightBytes() == 0);

        HttpResponse<String> next = client().deliver(user, WebhookFormatsTest.payload("nested.json"));
        assertThat(next.statusCode()).as(next.body()).isEqualTo(202);
    }

    /** Fresh signature headers (the signature itself is only checked over the body), trickled at 4 KB/s. */
    private SlowUpload upload(TestUser user) throws IOException {
        return SlowUpload.trickle(port, "/api/webhooks/fathom/" + user.userId(), Map.of(
                "webhook-id", WebhookClient.newWebhookId(),
                "webhook-timestamp", Long.toString(Instant.now().getEpochSecond()),
                "webhook-signature", "v1,c2lnbmVkIG92ZXIgdGhlIGJvZHk="), NINE_MEBIBYTES, 4 * 1024);
    }

    private double inflightBytes() {
        return registry.get("ingest.inflight.bytes").gauge().value();
    }
}
