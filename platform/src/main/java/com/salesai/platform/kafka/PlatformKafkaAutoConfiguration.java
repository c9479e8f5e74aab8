package com.salesai.platform.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The Kafka plumbing every service shares. */
@AutoConfiguration
@EnableConfigurationProperties(OutageRetry.class)
public class PlatformKafkaAutoConfiguration {
}
