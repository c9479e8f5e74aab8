package com.salesai.integration.calls;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param knownCallsGroup the consumer group reading {@code calls.recorded} keys into {@link KnownCalls}
 * @param publishTimeout  how long one imported or synced {@code CallRecorded} waits for Kafka's ack
 */
@ConfigurationProperties("app.calls")
record CallsProperties(String knownCallsGroup, Duration publishTimeout) {
    CallsProperties {
        knownCallsGroup = knownCallsGroup == null || knownCallsGroup.isBlank() ? "integration-known-calls"
                : knownCallsGroup;
        publishTimeout = publishTimeout == null ? Duration.ofSeconds(10) : publishTimeout;
    }
}
