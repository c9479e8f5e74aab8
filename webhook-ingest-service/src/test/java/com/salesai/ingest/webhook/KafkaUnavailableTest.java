package com.salesai.ingest.webhook;

import com.salesai.ingest.IngestSpringTest;
import com.salesai.ingest.WebhookClient;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka unreachable for calls.recorded. The embedded KRaft broker can't practically be stopped and restarted on the
 * same port, so Boot's producer factory is pointed at a dead port, then back at the broker (each time its producer is
 * closed, so the next send opens one with the new address); every other producer setting (max.block.ms,
 * delivery/request timeouts) is the application's own.
 */
class KafkaUnavailableTest extends IngestSpringTest {

    @Autowired
    DefaultKafkaProducerFactory<?, ?> producerFactory;
    @Autowired
    KafkaProperties kafka;

    @AfterEach
    void backToTheBroker() {
        pointProducersAt(String.join(",", kafka.getBootstrapServers()));
    }

    @Test
    void brokerDownIsAQuick503AndTheRetryIsAcceptedOnce() {
        TestUser user = activeUser();
        String webhookId = WebhookClient.newWebhookId();
        String body = WebhookFormatsTest.payload("nested.json");
        pointProducersAt("127.0.0.1:1");

        long start = System.nanoTime();
        HttpResponse<String> down = client().deliver(user, webhookId, body);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(down.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(elapsedMs).isLessThan(10_000);

        backToTheBroker();
        HttpResponse<String> retried = client().deliver(user, webhookId, body);
        HttpResponse<String> again = client().deliver(user, webhookId, body);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        String callId = EventJson.mapper().readTree(retried.body()).get("callIds").get(0).stringValue();
        assertThat(topic(Topics.CALLS_RECORDED).read(r -> callId.equals(r.key()), 1, Duration.ofSeconds(10),
                Duration.ofSeconds(1))).hasSize(1);
    }

    private void pointProducersAt(String bootstrapServers) {
        producerFactory.updateConfigs(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        producerFactory.reset();
    }
}
