package com.salesai.analysis.flow;

import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Topics;
import com.salesai.testsupport.EmbeddedMongo;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

/**
 * One Spring context (cached, shared by every LLM flow test) against the fake OpenAI: tiny retries and backoffs,
 * a small token budget so a few hundred transcript lines get chunked, coaching language "en" (not the default) so
 * tests can see the configuration reach the prompt, transcripts capped at 40 000 characters (300 lines of
 * {@link Calls#longCall} fit, 600 do not).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.auth.dev-secret=test-secret-of-at-least-32-characters!",
        "app.openai.api-key=test-key",
        "app.openai.model=gpt-5-mini",
        "app.openai.max-retries=1",
        "app.openai.timeout=5s",
        "app.openai.token-budget=6000",
        "app.openai.chunk-tokens=2500",
        "app.analysis.language=en",
        "spring.kafka.listener.concurrency=1",
        "app.analysis.max-transcript-chars=40000",
        "app.kafka.topics.calls-partitions=1",
        "app.kafka.retry.attempts=3",
        "app.kafka.retry.initial-interval=10ms",
        "app.kafka.retry.max-interval=50ms",
        "app.admin.token=" + LlmFlowTestBase.OPERATOR_TOKEN})
@EmbeddedKafka(partitions = 1, topics = Topics.CALLS_RECORDED, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@EmbeddedMongo
abstract class LlmFlowTestBase {
    static final String OPERATOR_TOKEN = "operator-token-of-at-least-32-characters";

    @DynamicPropertySource
    static void fakeOpenAi(DynamicPropertyRegistry registry) {
        registry.add("app.openai.base-url", FakeOpenAi::baseUrl);
    }

    @Autowired
    KafkaTemplate<String, Object> kafka;

    String bootstrap;

    /**
     * This context's own broker: {@code spring.kafka.bootstrap-servers} is a system property that the next context
     * with an embedded broker (MetricsOnlyFlowTest's) overwrites, while this cached context keeps using its first.
     */
    @Autowired
    void broker(EmbeddedKafkaBroker broker) {
        bootstrap = broker.getBrokersAsString();
    }

    private RecordMetadata lastSent;

    void send(CallRecorded call) throws Exception {
        lastSent = kafka.send(Topics.CALLS_RECORDED, call.callId(), call).get().getRecordMetadata();
    }

    /** Once the service is done with the calls sent so far: what it published for {@code callId}, exactly. */
    List<String> analyzedJson(String callId, int expected) {
        if (lastSent != null) {
            TopicReader.awaitProcessed(bootstrap, TopicReader.RECORDED_GROUP, lastSent);
        }
        return TopicReader.valuesOf(bootstrap, Topics.CALLS_ANALYZED, callId, expected, Duration.ZERO);
    }

    List<String> failedJson(String callId, int expected, Duration settle) {
        return TopicReader.valuesOf(bootstrap, Topics.CALLS_ANALYSIS_FAILED, callId, expected, settle);
    }

    CallAnalyzed analyzed(String callId) {
        List<String> values = analyzedJson(callId, 1);
        if (values.isEmpty()) {
            throw new AssertionError("no CallAnalyzed for " + callId);
        }
        return EventJson.mapper().readValue(values.get(0), CallAnalyzed.class);
    }
}
