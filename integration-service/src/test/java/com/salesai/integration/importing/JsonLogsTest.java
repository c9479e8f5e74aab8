package com.salesai.integration.importing;

import com.salesai.integration.FathomStub;
import com.salesai.integration.IntegrationTestBase;
import com.salesai.integration.Tokens;
import com.salesai.testsupport.EcsLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code LOG_FORMAT=json}, as in a container: the start-up and an import, read as the log collector reads them; the
 * import continues the trace of the request that started it.
 */
@TestPropertySource(properties = "LOG_FORMAT=json")
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTest extends IntegrationTestBase {

    @Test
    void everyLineIsAnEcsObjectAndAnImportedCallsLineCarriesIt(CapturedOutput output) {
        assertThat(EcsLog.find(output.getOut(), "Started JsonLogsTest")).as("the start-up, captured")
                .isPresent();
        String userId = "json-logs-" + UUID.randomUUID();
        String token = Tokens.forUser(userId, "org-json");
        String apiKey = "json-logs-key-" + UUID.randomUUID();
        FathomStub.meetings(FATHOM, apiKey, 1);
        FathomStub.webhookCreated(FATHOM, apiKey, "wh_json", "whsec_anNvbi1zZWNyZXQtanNvbi1zZWNyZXQ=");
        assertThat(api().call("PUT", "/api/integrations/fathom", token, "{\"apiKey\":\"" + apiKey + "\"}").status())
                .isEqualTo(200);

        String traceId = UUID.randomUUID().toString().replace("-", "");

        assertThat(api().call("POST", "/api/integrations/fathom/import", token, "{\"maxMeetings\":1}",
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")).status()).isEqualTo(202);

        String published = "of user " + userId + " published call ";
        await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains(published));
        JsonNode line = EcsLog.find(output.getOut(), published).orElseThrow();
        EcsLog.assertCarries(line, Map.of("orgId", "org-json", "userId", userId, "traceId", traceId));
        assertThat(line.path("callId").asString()).isNotBlank();
        assertThat(line.path("message").asString()).endsWith(line.path("callId").asString());
    }
}
