package com.salesai.analysis.config;

import com.salesai.analysis.pipeline.AnalysisFailureRecoverer;
import com.salesai.platform.kafka.OutageRetry;
import com.salesai.schema.events.CallAnalysisFailed;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.TopicConfigs;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import java.util.LinkedHashMap;
import java.util.Map;

/** Kafka wiring: JSON without type headers, the calls.recorded listener factory with retries + DLT, topics. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /**
     * Events as JSON (no type headers); raw byte[] values as they are, which the dead-letter recoverer needs for
     * poison records and the DLT replay for re-publishing.
     */
    @Bean
    ProducerFactory<String, Object> producerFactory(KafkaProperties kafka, TopicConfigs.Limits limits) {
        Serializer<Object> json = new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo();
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(CallRecorded.class, json);
        byType.put(CallAnalyzed.class, json);
        byType.put(CallAnalysisFailed.class, json);
        // dead-lettering or replaying a calls.recorded record must fit it, however large the ingest let it be
        Map<String, Object> config = kafka.buildProducerProperties();
        config.putAll(limits.producerOverrides());
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new DelegatingByTypeSerializer(byType));
    }

    @Bean
    KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, CallRecorded> callRecordedContainerFactory(
            KafkaProperties kafka, AnalysisProperties analysis, OutageRetry outageRetry,
            AnalysisFailureRecoverer recoverer) {
        var values = new ErrorHandlingDeserializer<>(new JacksonJsonDeserializer<>(CallRecorded.class, EventJson.mapper(), false));
        var consumerFactory = new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(),
                new StringDeserializer(), values);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, CallRecorded>();
        factory.setConsumerFactory(consumerFactory);
        factory.setConcurrency(analysis.concurrency());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        factory.setCommonErrorHandler(errorHandler(analysis.retry(), outageRetry, recoverer));
        return factory;
    }

    /**
     * Exponential backoff between deliveries; errors a retry can't fix (auth, bad request) skip straight to recovery;
     * MongoDB or broker outages are retried until they end ({@link OutageRetry}).
     */
    private static DefaultErrorHandler errorHandler(AnalysisProperties.Retry retry, OutageRetry outageRetry,
                                                    AnalysisFailureRecoverer recoverer) {
        var backOff = new ExponentialBackOffWithMaxRetries(retry.attempts() - 1);
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        AnalysisFailureRecoverer.NOT_RETRYABLE.forEach(handler::addNotRetryableExceptions);
        outageRetry.applyTo(handler);
        return handler;
    }

    /** Sizes and retention shared by every service's topics ({@code app.kafka-topics}, common-schema's record). */
    @Bean
    TopicConfigs.Limits topicLimits(Environment environment) {
        return Binder.get(environment).bindOrCreate("app.kafka-topics", TopicConfigs.Limits.class);
    }

    @Bean
    NewTopic callsAnalyzedTopic(AnalysisProperties analysis, TopicConfigs.Limits limits) {
        return topic(Topics.CALLS_ANALYZED, analysis, limits);
    }

    @Bean
    NewTopic callsAnalysisFailedTopic(AnalysisProperties analysis, TopicConfigs.Limits limits) {
        return topic(Topics.CALLS_ANALYSIS_FAILED, analysis, limits);
    }

    /** The DLT of the consumed topic, with calls.recorded's partition count so "same partition" always exists. */
    @Bean
    NewTopic callsRecordedDeadLetterTopic(AnalysisProperties analysis, TopicConfigs.Limits limits) {
        return topic(Topics.deadLetterOf(Topics.CALLS_RECORDED), analysis, limits);
    }

    private static NewTopic topic(String name, AnalysisProperties analysis, TopicConfigs.Limits limits) {
        return TopicBuilder.name(name).partitions(analysis.topicPartitions()).configs(TopicConfigs.of(name, limits))
                .build();
    }
}
