package com.salesai.analysis.flow;

import com.salesai.schema.events.Topics;
import com.salesai.testsupport.EcsLog;
import com.salesai.testsupport.EmbeddedMongo;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code LOG_FORMAT=json}, as in a container: the start-up and an analysis, read as the log collector reads them; the
 * analysis line carries the trace of the span that published the call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"LOG_FORMAT=json", "app.auth.dev-secret=test-secret-of-at-least-32-characters!"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@EmbeddedMongo
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTest {

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    Tracer tracer;

    @Test
    void everyLineIsAnEcsObjectAndTheAnalysisLineCarriesItsCall(CapturedOutput output) throws Exception {
        assertThat(EcsLog.find(output.getOut(), "Started JsonLogsTest")).as("the start-up, captured").isPresent();
        var call = Calls.call("json-logs-call");

        Span sender = tracer.nextSpan().name("json-logs-sender").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(sender)) {
            kafka.send(Topics.CALLS_RECORDED, call.callId(), call).get();
        } finally {
            sender.end();
        }

        String analyzed = "Call " + call.callId() + " analyzed";
        await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains(analyzed));
        EcsLog.assertCarries(EcsLog.find(output.getOut(), analyzed).orElseThrow(),
                Map.of("callId", call.callId(), "orgId", call.orgId(), "userId", call.userId(),
                        "traceId", sender.context().traceId()));
    }
}
