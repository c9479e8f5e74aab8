package com.salesai.integration.config;

import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.TopicConfigs;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import java.util.Map;

/** Producer of events as JSON without type headers, and the topics this service produces. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /** Sizes and retention shared by every service's topics ({@code app.kafka-topics}, common-schema's record). */
    @Bean
    TopicConfigs.Limits topicLimits(Environment environment) {
        return Binder.get(environment).bindOrCreate("app.kafka-topics", TopicConfigs.Limits.class);
    }

    /** Imported calls are as large as webhook ones: the request size follows the ingest's body limit. */
    @Bean
    ProducerFactory<String, Object> producerFactory(KafkaProperties kafka, TopicConfigs.Limits limits) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.putAll(limits.producerOverrides());
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo());
    }

    @Bean
    KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    /** Compacted: ingest rebuilds its secret view from the latest value per user. */
    @Bean
    NewTopic integrationsTopic(TopicProperties topics, TopicConfigs.Limits limits) {
        return TopicBuilder.name(Topics.INTEGRATIONS).partitions(topics.integrationsPartitions())
                .configs(TopicConfigs.of(Topics.INTEGRATIONS, limits)).build();
    }

    @Bean
    NewTopic callsRecordedTopic(TopicProperties topics, TopicConfigs.Limits limits) {
        return TopicBuilder.name(Topics.CALLS_RECORDED).partitions(topics.callsPartitions())
                .configs(TopicConfigs.of(Topics.CALLS_RECORDED, limits)).build();
    }
}
