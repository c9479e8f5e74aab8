package com.salesai.ingest.webhook;

import com.salesai.ingest.IngestSpringTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A re-save published on the integration topic opens a grace for the replaced secret, and the grace ends. */
class SecretRotationFlowTest extends IngestSpringTest {
    private static final Duration GRACE = Duration.ofSeconds(6);

    @Test
    void afterAReSaveTheOldSecretIsAcceptedWithinTheGraceAndRefusedAfterIt() throws InterruptedException {
        TestUser beforeResave = activeUser();
        Instant graceEnds = Instant.now().plus(GRACE);
        TestUser afterResave = resave(beforeResave, 2, graceEnds);

        assertStatus(client().deliver(beforeResave, DeliveryAttributionTest.meeting(3001, "rep@acme.com")), 202);
        assertStatus(client().deliver(afterResave, DeliveryAttributionTest.meeting(3002, "rep@acme.com")), 202);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), graceEnds).toMillis()) + 100);

        assertStatus(client().deliver(beforeResave, DeliveryAttributionTest.meeting(3003, "rep@acme.com")), 401);
        assertStatus(client().deliver(afterResave, DeliveryAttributionTest.meeting(3004, "rep@acme.com")), 202);
    }

    private static void assertStatus(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }
}
