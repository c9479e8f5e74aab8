package com.salesai.platform.kafka;

import com.salesai.platform.kafka.KafkaTestService.Listener;
import com.salesai.platform.kafka.KafkaTestService.Ping;
import com.salesai.schema.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A containers test's {@code @ServiceConnection} is all a service needs: every Kafka client of the platform (the
 * acked sender, the listener containers, the topic readers, the topic declarations) is built by Boot's factories,
 * which take the connection details, while {@code spring.kafka.bootstrap-servers} names a broker that isn't there.
 */
@SpringBootTest(classes = KafkaTestService.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.kafka.bootstrap-servers=127.0.0.1:1", "app.kafka.topics.calls-partitions=1"})
@EmbeddedKafka(partitions = 1, topics = Topics.CALLS_RECORDED)
@Import(KafkaConnectionDetailsTest.ServiceConnection.class)
class KafkaConnectionDetailsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    AckedSender sender;
    @Autowired
    TopicFollowers followers;
    @Autowired
    KafkaAdmin admin;
    @Autowired
    Listener listener;

    @Test
    void everyPlatformClientReachesTheBrokerOfTheConnectionDetails() throws Exception {
        var ping = new Ping("call-1", 1);
        sender.send(Topics.CALLS_RECORDED, "call-1", ping);

        assertThat(listener.pings.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(ping);
        List<String> keys = new ArrayList<>();
        followers.readToEnd(Topics.CALLS_RECORDED, "test-" + UUID.randomUUID(), WAIT, record -> keys.add(record.key()));
        assertThat(keys).containsExactly("call-1");
        assertThat(admin.describeTopics(Topics.deadLetterOf(Topics.CALLS_RECORDED))).isNotEmpty();
    }

    /** What {@code @ServiceConnection} on a Kafka container contributes. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ServiceConnection {
        @Bean
        KafkaConnectionDetails kafkaConnectionDetails(EmbeddedKafkaBroker broker) {
            return () -> List.of(broker.getBrokersAsString().split(","));
        }
    }
}
