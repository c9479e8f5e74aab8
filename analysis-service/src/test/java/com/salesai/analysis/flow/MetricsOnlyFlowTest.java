package com.salesai.analysis.flow;

import com.salesai.analysis.AnalysisServiceTest;
import com.salesai.schema.events.AnalysisMode;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** No OpenAI key and no admin token: the service's default context, {@link AnalysisServiceTest}. */
@AnalysisServiceTest
class MetricsOnlyFlowTest {

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @LocalManagementPort
    int managementPort;

    @Test
    void withoutAnApiKeyEveryCallGetsMetricsOnly() throws Exception {
        var call = Calls.call("metrics-only-call");
        kafka.send(Topics.CALLS_RECORDED, call.callId(), call).get();

        var values = TopicReader.valuesOf(bootstrap, Topics.CALLS_ANALYZED, call.callId(), 1, Duration.ofMillis(500));
        assertThat(values).hasSize(1);
        CallAnalyzed analyzed = EventJson.mapper().readValue(values.get(0), CallAnalyzed.class);
        assertThat(values.get(0)).contains("\"mode\":\"metrics-only\"");
        assertThat(analyzed.mode()).isEqualTo(AnalysisMode.METRICS_ONLY);
        assertThat(analyzed.evaluation()).isNull();
        assertThat(analyzed.model()).isNull();
        assertThat(analyzed.tokenUsage().totalTokens()).isZero();
        assertThat(analyzed.orgId()).isEqualTo("org-1");
        assertThat(analyzed.userId()).isEqualTo("user-alice");
        assertThat(analyzed.metrics().available()).isTrue();
        assertThat(analyzed.metrics().repTalkRatio()).isEqualTo(0.545);
        assertThat(analyzed.metrics().fillerWords()).containsEntry("du coup", 1);
    }

    /** Boot's factories bind the Kafka clients' metrics: the listener's consumer and the results' producer. */
    @Test
    void kafkaClientMetricsOfTheListenerAndTheProducerAreExposed() throws Exception {
        var call = Calls.call("metrics-of-the-clients");
        kafka.send(Topics.CALLS_RECORDED, call.callId(), call).get();
        assertThat(TopicReader.valuesOf(bootstrap, Topics.CALLS_ANALYZED, call.callId(), 1, Duration.ZERO)).hasSize(1);

        var prometheus = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(prometheus).contains("kafka_producer_record_send_total")
                .contains("kafka_consumer_fetch_manager_records_consumed_total");
    }

    @Test
    void replayEndpointIsAbsentWithoutAnOperatorToken() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/dltreplay"))
                .header("Authorization", "Bearer anything").POST(HttpRequest.BodyPublishers.noBody()).build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }
}
