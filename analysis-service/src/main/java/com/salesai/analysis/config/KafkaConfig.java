package com.salesai.analysis.config;

import com.salesai.platform.kafka.DeclaredTopics;
import com.salesai.schema.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics this service produces: the results, compacted, and the DLT of the consumed {@code calls.recorded}, with
 * its partition count so "same partition" always exists and as large as any call. The listener container, its error
 * handler (with {@code AnalysisFailureRecoverer}) and the producer are Boot's, shaped by the platform.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics analysisTopics(DeclaredTopics topics) {
        return topics.declare(Topics.CALLS_ANALYZED, Topics.CALLS_ANALYSIS_FAILED,
                Topics.deadLetterOf(Topics.CALLS_RECORDED), Topics.deadLetterOf(Topics.CALLS_ERASED));
    }
}
