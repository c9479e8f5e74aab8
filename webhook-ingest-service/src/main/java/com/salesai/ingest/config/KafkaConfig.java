package com.salesai.ingest.config;

import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.TopicConfigs;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import java.util.Map;

/**
 * Producers of {@code calls.recorded} (JSON events, no type headers) and {@code ingest.quarantine} (raw bytes). Both
 * inherit acks=all, idempotence and the bounded blocking/delivery timeouts from {@code spring.kafka.producer}, so a
 * dead broker turns into a failed future within seconds instead of a hanging request. Both send records up to
 * {@link TopicConfigs.Limits#maxRecordBytes()}, sized from the body limit, and the topics are declared to accept them.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    NewTopic callsRecordedTopic(IngestProperties properties) {
        return topic(Topics.CALLS_RECORDED, properties.topics().callsRecordedPartitions(), properties);
    }

    @Bean
    NewTopic quarantineTopic(IngestProperties properties) {
        return topic(Topics.INGEST_QUARANTINE, properties.topics().quarantinePartitions(), properties);
    }

    @Bean
    ProducerFactory<String, CallRecorded> callRecordedProducerFactory(KafkaProperties kafka,
                                                                      IngestProperties properties) {
        JacksonJsonSerializer<CallRecorded> json = new JacksonJsonSerializer<>(EventJson.mapper());
        json.setAddTypeInfo(false);
        return new DefaultKafkaProducerFactory<>(producerConfig(kafka, properties), new StringSerializer(), json);
    }

    @Bean
    KafkaTemplate<String, CallRecorded> callRecordedTemplate(ProducerFactory<String, CallRecorded> factory) {
        return new KafkaTemplate<>(factory);
    }

    @Bean
    KafkaTemplate<String, byte[]> quarantineTemplate(KafkaProperties kafka, IngestProperties properties) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig(kafka, properties),
                new StringSerializer(), new ByteArraySerializer()));
    }

    private static Map<String, Object> producerConfig(KafkaProperties kafka, IngestProperties properties) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.putAll(properties.topicLimits().producerOverrides());
        return config;
    }

    private static NewTopic topic(String name, int partitions, IngestProperties properties) {
        TopicBuilder builder = TopicBuilder.name(name).partitions(partitions)
                .configs(TopicConfigs.of(name, properties.topicLimits()));
        int replicas = properties.topics().replicas();
        return (replicas > 0 ? builder.replicas(replicas) : builder).build();
    }
}
