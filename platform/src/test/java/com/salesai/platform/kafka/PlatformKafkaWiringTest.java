package com.salesai.platform.kafka;

import com.salesai.platform.kafka.KafkaTestService.Listener;
import com.salesai.platform.kafka.KafkaTestService.Ping;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service as the platform wires it, on Boot's own Kafka beans and the platform defaults: events out as JSON without
 * type headers, typed events into listeners, a tombstone into its listener as null, and a value that is not its event
 * dead-lettered as it came.
 */
@SpringBootTest(classes = KafkaTestService.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "app.kafka.topics.calls-partitions=2", "app.kafka.topics.max-body-bytes=1048576"})
@EmbeddedKafka(partitions = 2, topics = Topics.CALLS_RECORDED,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PlatformKafkaWiringTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    AckedSender sender;
    @Autowired
    TopicFollowers followers;
    @Autowired
    Listener listener;
    @Autowired
    ProducerFactory<?, ?> producerFactory;

    @Test
    void anEventGoesOutAsJsonWithoutTypeHeadersAndComesIntoItsListenerTyped() throws Exception {
        sender.send(Topics.CALLS_RECORDED, "call-1", new Ping("call-1", 7));

        assertThat(listener.pings.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new Ping("call-1", 7));
        ConsumerRecord<String, byte[]> onTheTopic = read(Topics.CALLS_RECORDED, "call-1");
        assertThat(new String(onTheTopic.value(), StandardCharsets.UTF_8)).isEqualTo("{\"callId\":\"call-1\",\"n\":7}");
        assertThat(onTheTopic.headers().lastHeader("__TypeId__")).isNull();
    }

    @Test
    void aValueThatIsNotItsEventGoesAsItCameToTheSamePartitionOfItsDeadLetterTopic() {
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        sender.sendAll(List.of(new ProducerRecord<>(Topics.CALLS_RECORDED, 1, "poison-1", poison)));

        ConsumerRecord<String, byte[]> dead = read(Topics.deadLetterOf(Topics.CALLS_RECORDED), "poison-1");

        assertThat(dead.partition()).isEqualTo(1);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(dead.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
    }

    @Test
    void aTombstoneReachesItsListenerAsNullAndIsNoDeadLetter() {
        sender.send(Topics.CALLS_RECORDED, "erased-1", null);
        sender.send(Topics.CALLS_RECORDED, "after-erased-1", new Ping("after-erased-1", 1));

        await().atMost(WAIT).until(() -> listener.tombstones.contains("erased-1")
                && listener.pings.stream().anyMatch(ping -> ping.callId().equals("after-erased-1")));
        List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
        followers.readToEnd(Topics.deadLetterOf(Topics.CALLS_RECORDED), "test-" + UUID.randomUUID(), WAIT,
                record -> {
                    if ("erased-1".equals(record.key())) {
                        dead.add(record);
                    }
                });
        assertThat(dead).isEmpty();
    }

    @Test
    void everyProducerTakesTheLargestRecord() {
        assertThat(producerFactory.getConfigurationProperties()).containsEntry("max.request.size", 3 * 1024 * 1024);
    }

    private ConsumerRecord<String, byte[]> read(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            followers.readToEnd(topic, "test-" + UUID.randomUUID(), WAIT, record -> {
                if (key.equals(record.key())) {
                    found.add(record);
                }
            });
            return !found.isEmpty();
        });
        return found.get(0);
    }
}
