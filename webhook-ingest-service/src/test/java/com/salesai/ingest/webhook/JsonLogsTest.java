package com.salesai.ingest.webhook;

import com.salesai.ingest.IngestSpringTest;
import com.salesai.testsupport.EcsLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code LOG_FORMAT=json}, as in a container: the start-up and a delivery, read as the log collector reads them; the
 * delivery's line carries the trace its sender's {@code traceparent} started.
 */
@TestPropertySource(properties = "LOG_FORMAT=json")
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTest extends IngestSpringTest {

    @Test
    void everyLineIsAnEcsObjectAndTheDeliveryLineCarriesItsCall(CapturedOutput output) {
        assertThat(EcsLog.find(output.getOut(), "Started JsonLogsTest")).as("the start-up, captured").isPresent();
        TestUser user = activeUser();

        String traceId = UUID.randomUUID().toString().replace("-", "");

        assertThat(client().deliverTraced(user, WebhookFormatsTest.payload("nested.json"),
                "00-" + traceId + "-00f067aa0ba902b7-01").statusCode()).isEqualTo(202);

        JsonNode delivery = EcsLog.find(output.getOut(), "webhook delivery userId=" + user.userId()).orElseThrow();
        EcsLog.assertCarries(delivery, Map.of("userId", user.userId(), "orgId", user.orgId(), "traceId", traceId));
        assertThat(delivery.path("webhookId").asString()).startsWith("msg_");
        assertThat(delivery.path("callId").asString()).isNotBlank();
        assertThat(delivery.path("message").asString()).contains("callIds=[" + delivery.path("callId").asString() + "]");
    }
}
