package com.salesai.platform.kafka;

import com.salesai.schema.events.Topics;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A service as the platform wires it, for the Kafka tests: Boot's auto-configuration and the platform's, one listener
 * of {@code calls.recorded} and that topic's dead-letter topic declared.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class KafkaTestService {

    @Bean
    Listener listener() {
        return new Listener();
    }

    @Bean
    KafkaAdmin.NewTopics serviceTopics(DeclaredTopics topics) {
        return topics.declare(Topics.deadLetterOf(Topics.CALLS_RECORDED));
    }

    record Ping(String callId, int n) {
    }

    /** As every service's listener of a compacted topic: a tombstone (an erased call) comes in as null. */
    static class Listener {
        final BlockingQueue<Ping> pings = new LinkedBlockingQueue<>();
        final BlockingQueue<String> tombstones = new LinkedBlockingQueue<>();

        @KafkaListener(id = "kafka-test-service", topics = Topics.CALLS_RECORDED, groupId = "kafka-test-service")
        void on(@Payload(required = false) Ping ping, @Header(KafkaHeaders.RECEIVED_KEY) String key) {
            if (ping == null) {
                tombstones.add(key);
            } else {
                pings.add(ping);
            }
        }
    }
}
