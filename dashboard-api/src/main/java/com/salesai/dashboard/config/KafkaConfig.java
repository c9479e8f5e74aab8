package com.salesai.dashboard.config;

import com.salesai.platform.kafka.OutageRetry;
import com.salesai.schema.events.CallAnalysisFailed;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.TopicConfigs;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
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
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One listener container factory per consumed event type (target type set here, no type headers), each with an
 * {@link ErrorHandlingDeserializer} and a {@link DefaultErrorHandler} that retries with exponential back-off and
 * then dead-letters to {@code <topic>.DLT} on the same partition. Offsets are committed per record after the
 * listener returns.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /** Sizes and retention shared by every service's topics ({@code app.kafka-topics}, common-schema's record). */
    @Bean
    TopicConfigs.Limits topicLimits(Environment environment) {
        return Binder.get(environment).bindOrCreate("app.kafka-topics", TopicConfigs.Limits.class);
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(DashboardKafkaProperties props, TopicConfigs.Limits limits) {
        return new KafkaAdmin.NewTopics(
                dlt(Topics.CALLS_RECORDED, props, limits), dlt(Topics.CALLS_ANALYZED, props, limits),
                dlt(Topics.CALLS_ANALYSIS_FAILED, props, limits));
    }

    private static NewTopic dlt(String topic, DashboardKafkaProperties props, TopicConfigs.Limits limits) {
        String name = Topics.deadLetterOf(topic);
        return TopicBuilder.name(name).partitions(props.partitions()).configs(TopicConfigs.of(name, limits)).build();
    }

    /** Dead letters carry either the undecodable raw bytes or the decoded event re-serialized as JSON. */
    @Bean
    KafkaTemplate<Object, Object> deadLetterTemplate(KafkaProperties kafka, TopicConfigs.Limits limits) {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(Object.class, new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo());
        Map<String, Object> config = kafka.buildProducerProperties();
        config.putAll(limits.producerOverrides()); // a dead-lettered calls.recorded record is as large as it was
        @SuppressWarnings({"unchecked", "rawtypes"})
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(config,
                (Serializer) new StringSerializer(), new DelegatingByTypeSerializer(byType, true));
        return new KafkaTemplate<>(factory);
    }

    @Bean
    DefaultErrorHandler callEventErrorHandler(KafkaTemplate<Object, Object> deadLetterTemplate,
                                              DashboardKafkaProperties props, OutageRetry outageRetry) {
        ExponentialBackOff backOff = new ExponentialBackOff(props.initialBackoff().toMillis(),
                props.backoffMultiplier());
        backOff.setMaxInterval(props.maxBackoff().toMillis());
        backOff.setMaxAttempts(props.maxRetries());
        // Explicit resolver: the design's "<topic>.DLT" name (spring-kafka 4 defaults to "-dlt"), same partition.
        var recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, e) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        var handler = new DefaultErrorHandler(recoverer, backOff);
        // a MongoDB or broker outage is waited out, never dead-lettered
        outageRetry.applyTo(handler);
        return handler;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, CallRecorded> callRecordedListenerFactory(
            KafkaProperties kafka, DefaultErrorHandler callEventErrorHandler) {
        return factory(kafka, CallRecorded.class, callEventErrorHandler);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, CallAnalyzed> callAnalyzedListenerFactory(
            KafkaProperties kafka, DefaultErrorHandler callEventErrorHandler) {
        return factory(kafka, CallAnalyzed.class, callEventErrorHandler);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, CallAnalysisFailed> callAnalysisFailedListenerFactory(
            KafkaProperties kafka, DefaultErrorHandler callEventErrorHandler) {
        return factory(kafka, CallAnalysisFailed.class, callEventErrorHandler);
    }

    private static <T> ConcurrentKafkaListenerContainerFactory<String, T> factory(
            KafkaProperties kafka, Class<T> type, DefaultErrorHandler errorHandler) {
        Deserializer<T> json = new JacksonJsonDeserializer<>(type, EventJson.mapper(), false);
        DefaultKafkaConsumerFactory<String, T> consumers = new DefaultKafkaConsumerFactory<>(
                kafka.buildConsumerProperties(), new ErrorHandlingDeserializer<>(new StringDeserializer()),
                new ErrorHandlingDeserializer<>(json));
        ConcurrentKafkaListenerContainerFactory<String, T> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(errorHandler);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }
}
