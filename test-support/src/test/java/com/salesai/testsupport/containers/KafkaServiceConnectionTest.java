package com.salesai.testsupport.containers;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.properties.TestcontainersPropertySourceAutoConfiguration;

import java.util.List;

import static org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs without Docker: a connection-details bean stands for the {@code @ServiceConnection} of a container. */
class KafkaServiceConnectionTest {
    private static final List<String> CONTAINER = List.of("container-host:32768");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
                    TestcontainersPropertySourceAutoConfiguration.class))
            .withBean(KafkaConnectionDetails.class, () -> () -> CONTAINER);

    @Test
    void clientsBuiltFromKafkaPropertiesConnectToTheServiceConnection() {
        context.withUserConfiguration(KafkaServiceConnection.class).run(context ->
                assertThat(context.getBean(KafkaProperties.class).buildProducerProperties())
                        .containsEntry(BOOTSTRAP_SERVERS_CONFIG, CONTAINER));
    }

    /** Why it exists: when Boot applies connection details to KafkaProperties too, it can go. */
    @Test
    void withoutItTheyWouldConnectToTheDefaultBroker() {
        context.run(context -> assertThat(context.getBean(KafkaProperties.class).buildProducerProperties())
                .containsEntry(BOOTSTRAP_SERVERS_CONFIG, List.of("localhost:9092")));
    }
}
