package com.salesai.ingest.config;

import com.salesai.platform.kafka.DeclaredTopics;
import com.salesai.schema.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics this service produces, and the DLT of the {@code calls.erased} it consumes. Both carry records up to the platform's record size, sized from the body limit;
 * the producer is Boot's, with acks=all and idempotence from the platform and this service's short blocking and
 * delivery timeouts ({@code spring.kafka.producer.properties}), so a dead broker turns into a failed publish within
 * seconds instead of a hanging request.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics ingestTopics(DeclaredTopics topics) {
        return topics.declare(Topics.CALLS_RECORDED, Topics.INGEST_QUARANTINE,
                Topics.deadLetterOf(Topics.CALLS_ERASED));
    }
}
