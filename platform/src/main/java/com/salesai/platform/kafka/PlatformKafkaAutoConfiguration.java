package com.salesai.platform.kafka;

import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.TopicConfigs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;

/**
 * The Kafka plumbing every service shares, on top of Boot's own factories, template and listener container factory
 * (so {@code spring.kafka.*}, client metrics and observations reach every client). Serializers, ack mode and the
 * other shared {@code spring.kafka.*} values are in {@code platform-defaults.properties}; this adds what needs code.
 */
@AutoConfiguration
@EnableConfigurationProperties({PlatformKafkaProperties.class, OutageRetry.class})
public class PlatformKafkaAutoConfiguration {

    /** The sizes and retention every declared topic and every producer derive from. */
    @Bean
    TopicConfigs.Limits topicLimits(PlatformKafkaProperties kafka) {
        return kafka.topics().limits();
    }

    /** Any producer may send a whole recording (first publish, import, dead letter, replay): it must fit. */
    @Bean
    DefaultKafkaProducerFactoryCustomizer recordSizeProducerCustomizer(TopicConfigs.Limits limits) {
        return factory -> factory.updateConfigs(limits.producerOverrides());
    }

    /**
     * Listeners read {@code byte[]} values and get their typed event from the method's parameter type, converted
     * here with {@link EventJson#mapper()} (spring-kafka sample-01's set-up; Boot hands it to its container factory).
     * A value that is not its event's JSON fails conversion, which the error handler never retries: it goes to its
     * DLT at once, bytes intact, and the partition moves on, as with an {@code ErrorHandlingDeserializer}. A tombstone
     * (null value: an erased call's record on a compacted topic) is no conversion failure: it reaches a parameter
     * declared {@code @Payload(required = false)} as null, which is how every listener of a compacted topic declares
     * its event (a required one would send the tombstone to the DLT as an invalid argument).
     */
    @Bean
    @ConditionalOnMissingBean
    RecordMessageConverter eventMessageConverter() {
        return new ByteArrayJacksonJsonMessageConverter(EventJson.mapper());
    }

    @Bean
    DeclaredTopics declaredTopics(PlatformKafkaProperties kafka) {
        return new DeclaredTopics(kafka.topics());
    }

    @Bean
    AckedSender ackedSender(KafkaTemplate<Object, Object> kafkaTemplate, PlatformKafkaProperties kafka) {
        return new AckedSender(kafkaTemplate, kafka.publishTimeout());
    }

    @Bean
    DeadLetters deadLetters(KafkaTemplate<Object, Object> kafkaTemplate) {
        return new DeadLetters(kafkaTemplate);
    }

    /**
     * Boot's container factory takes this one: a failing record is delivered again with a bounded exponential
     * back-off ({@code app.kafka.retry}), an outage is waited out without spending its attempts ({@link OutageRetry}),
     * then the record is recovered by the service's own {@link ConsumerRecordRecoverer} bean if it has one, else
     * sent to its DLT. A service's {@link NotRetryableExceptions} skip the retries.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(PlatformKafkaProperties kafka, OutageRetry outageRetry,
                                          DeadLetters deadLetters, ObjectProvider<ConsumerRecordRecoverer> recoverer,
                                          ObjectProvider<NotRetryableExceptions> notRetryable) {
        var handler = new DefaultErrorHandler(recoverer.getIfAvailable(deadLetters::recoverer),
                kafka.retry().backOff());
        notRetryable.orderedStream().flatMap(declared -> declared.types().stream())
                .forEach(handler::addNotRetryableExceptions);
        outageRetry.applyTo(handler);
        return handler;
    }

    @Bean
    TopicFollowers topicFollowers(ConsumerFactory<?, ?> kafkaConsumerFactory) {
        return new TopicFollowers(kafkaConsumerFactory);
    }
}
