package com.salesai.ingest.webhook;

import com.salesai.ingest.IngestSpringTest;
import com.salesai.ingest.WebhookClient;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.test.context.bean.override.convention.TestBean;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka unreachable for calls.recorded. The embedded KRaft broker can't practically be stopped and restarted on the
 * same port, so the calls producer of this (dedicated) context is switched between one pointed at a dead port and
 * the real broker; the producer settings (max.block.ms, delivery/request timeouts) are the application's own.
 */
class KafkaUnavailableTest extends IngestSpringTest {
    private static final SwitchableProducerFactory FACTORY = new SwitchableProducerFactory();

    @TestBean(name = "callRecordedProducerFactory")
    ProducerFactory<String, CallRecorded> callsFactory;

    @Autowired
    KafkaProperties kafka;

    static ProducerFactory<String, CallRecorded> callRecordedProducerFactory() {
        return FACTORY;
    }

    @AfterEach
    void reset() {
        FACTORY.delegate = null;
    }

    @Test
    void brokerDownIsAQuick503AndTheRetryIsAcceptedOnce() {
        TestUser user = activeUser();
        String webhookId = WebhookClient.newWebhookId();
        String body = WebhookFormatsTest.payload("nested.json");
        FACTORY.delegate = factory("127.0.0.1:1");

        long start = System.nanoTime();
        HttpResponse<String> down = client().deliver(user, webhookId, body);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(down.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(elapsedMs).isLessThan(10_000);

        FACTORY.delegate = factory(kafka.getBootstrapServers().get(0));
        HttpResponse<String> retried = client().deliver(user, webhookId, body);
        HttpResponse<String> again = client().deliver(user, webhookId, body);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        String callId = EventJson.mapper().readTree(retried.body()).get("callIds").get(0).stringValue();
        assertThat(topic(Topics.CALLS_RECORDED).read(r -> callId.equals(r.key()), 1, Duration.ofSeconds(10),
                Duration.ofSeconds(1))).hasSize(1);
    }

    private DefaultKafkaProducerFactory<String, CallRecorded> factory(String bootstrap) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        JacksonJsonSerializer<CallRecorded> json = new JacksonJsonSerializer<>(EventJson.mapper());
        json.setAddTypeInfo(false);
        return new DefaultKafkaProducerFactory<>(props, new StringSerializer(), json);
    }

    /** Hands out producers of whichever factory the test points it at. */
    static final class SwitchableProducerFactory implements ProducerFactory<String, CallRecorded> {
        volatile ProducerFactory<String, CallRecorded> delegate;

        @Override
        public Producer<String, CallRecorded> createProducer() {
            return delegate.createProducer();
        }

        @Override
        public Map<String, Object> getConfigurationProperties() {
            return delegate == null ? Map.of() : delegate.getConfigurationProperties();
        }
    }
}
