package com.salesai.testsupport.containers;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * For a test whose Kafka container is a {@code @ServiceConnection}: also points the clients the services build
 * from {@code KafkaProperties} (their own producer factories, assigned consumers) at it. Boot applies
 * {@link KafkaConnectionDetails} only to the factories it auto-configures, so without this those clients would
 * connect to {@code spring.kafka.bootstrap-servers}, localhost:9092.
 */
@TestConfiguration(proxyBeanMethods = false)
public class KafkaServiceConnection {

    @Bean
    DynamicPropertyRegistrar kafkaBootstrapServersFromServiceConnection(KafkaConnectionDetails kafka) {
        return registry -> registry.add("spring.kafka.bootstrap-servers",
                () -> String.join(",", kafka.getBootstrapServers()));
    }
}
