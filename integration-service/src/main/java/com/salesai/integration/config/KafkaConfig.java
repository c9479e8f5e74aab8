package com.salesai.integration.config;

import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/** Producer of events as JSON without type headers, and the topics this service produces. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    ProducerFactory<String, Object> producerFactory(KafkaProperties kafka) {
        return new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new StringSerializer(),
                new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo());
    }

    @Bean
    KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    /** Compacted: ingest rebuilds its secret view from the latest value per user. */
    @Bean
    NewTopic integrationsTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.INTEGRATIONS).partitions(topics.integrationsPartitions()).compact().build();
    }

    @Bean
    NewTopic callsRecordedTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.CALLS_RECORDED).partitions(topics.callsPartitions()).build();
    }
}
