package com.salesai.dashboard.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Consumer set-up of the read model: partitions of the dead-letter topics it declares (same as the source topics)
 * and the exponential back-off before a failing record goes to its DLT.
 */
@ConfigurationProperties("app.kafka")
public record DashboardKafkaProperties(
        @DefaultValue("12") int partitions,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("2.0") double backoffMultiplier,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("4") int maxRetries) {
}
