package com.salesai.dashboard.config;

import com.salesai.platform.kafka.DeclaredTopics;
import com.salesai.schema.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * {@code calls.reviewed} and {@code calls.erased}, which this service produces (manager reviews, erasure requests), and
 * the dead-letter topics of the events it consumes (the events' own topics belong to their producers).
 * The listeners get Boot's container factory with the platform's error handler: retries with exponential back-off
 * ({@code app.kafka.retry}), outages waited out, then {@code <topic>.DLT} on the same partition; offsets committed per
 * record after the listener returns.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(DeclaredTopics topics) {
        return topics.declare(Topics.CALLS_REVIEWED, Topics.CALLS_ERASED, Topics.deadLetterOf(Topics.CALLS_RECORDED),
                Topics.deadLetterOf(Topics.CALLS_ANALYZED), Topics.deadLetterOf(Topics.CALLS_ANALYSIS_FAILED),
                Topics.deadLetterOf(Topics.CALLS_REVIEWED), Topics.deadLetterOf(Topics.CALLS_ERASED),
                Topics.deadLetterOf(Topics.CALLS_ERASURE_REQUESTED));
    }
}
