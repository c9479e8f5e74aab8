package com.salesai.dashboard.stream;

import com.salesai.dashboard.projection.CallStatusChanged;
import com.salesai.schema.events.EventJson;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * The broadcast topic that carries status changes from the instance that applied them to every dashboard instance.
 * One partition keeps the changes of all calls in the order they were applied; a short retention suffices because
 * a feed only reads from its start-up on (clients reconcile with {@code GET /api/calls} after reconnecting).
 */
@Configuration(proxyBeanMethods = false)
class StatusBroadcastConfig {
    static final String TOPIC = "dashboard.call-status";

    @Bean
    NewTopic statusBroadcastTopic() {
        return TopicBuilder.name(TOPIC).partitions(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(60 * 60 * 1000)).build();
    }

    @Bean
    KafkaTemplate<String, CallStatusChanged> statusBroadcastTemplate(KafkaProperties kafka) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(),
                new StringSerializer(), new JacksonJsonSerializer<CallStatusChanged>(EventJson.mapper()).noTypeInfo()));
    }
}
