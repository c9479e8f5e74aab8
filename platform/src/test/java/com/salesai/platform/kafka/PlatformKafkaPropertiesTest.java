package com.salesai.platform.kafka;

import com.salesai.schema.events.TopicConfigs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The design's environment variables reach {@code app.kafka} through the platform defaults; unset, the defaults. */
class PlatformKafkaPropertiesTest {

    @Test
    void unsetVariablesLeaveTheDefaults() {
        PlatformKafkaProperties kafka = bind();

        assertThat(kafka.publishTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(kafka.topics().partitions()).isEqualTo(new TopicConfigs.Partitions(12, 3, 3));
        assertThat(kafka.topics().replication()).isNull();
        assertThat(kafka.topics().minInsyncReplicas()).isNull();
        assertThat(kafka.topics().limits()).isEqualTo(TopicConfigs.Limits.defaults());
        assertThat(kafka.retry()).isEqualTo(new PlatformKafkaProperties.Retry(4, Duration.ofSeconds(2), 2.0,
                Duration.ofSeconds(60)));
    }

    @Test
    void theDesignsVariablesAreBound() {
        PlatformKafkaProperties kafka = bind("--CALLS_TOPIC_PARTITIONS=24", "--KAFKA_TOPIC_REPLICATION=3",
                "--KAFKA_MIN_INSYNC_REPLICAS=2", "--INGEST_MAX_BODY_BYTES=1048576",
                "--KAFKA_DEAD_LETTER_RETENTION=7d");

        assertThat(kafka.topics().partitions().calls()).isEqualTo(24);
        assertThat(kafka.topics().replication()).isEqualTo(3);
        assertThat(kafka.topics().minInsyncReplicas()).isEqualTo(2);
        assertThat(kafka.topics().limits().maxRecordBytes()).isEqualTo(3 * 1024 * 1024);
        assertThat(kafka.topics().limits().deadLetterRetention()).isEqualTo(Duration.ofDays(7));
    }

    private static PlatformKafkaProperties bind(String... args) {
        var application = new SpringApplication(Binding.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run(args)) {
            return context.getBean(PlatformKafkaProperties.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PlatformKafkaProperties.class)
    static class Binding {
    }
}
