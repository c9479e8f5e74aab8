package com.salesai.integration.config;

import com.salesai.platform.kafka.DeclaredTopics;
import com.salesai.schema.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics this service produces: {@code fathom.integrations}, compacted because ingest rebuilds its secret view
 * from the latest value per user, and {@code calls.recorded} (imports and the catch-up sync), which takes calls as
 * large as the ingest accepts, {@code calls.erasure-requested} (integrations deleted with their calls), and the DLT
 * of the {@code calls.erased} it consumes. Producer and consumers are Boot's, shaped by the platform.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics integrationTopics(DeclaredTopics topics) {
        return topics.declare(Topics.INTEGRATIONS, Topics.CALLS_RECORDED, Topics.CALLS_ERASURE_REQUESTED,
                Topics.deadLetterOf(Topics.CALLS_ERASED));
    }
}
