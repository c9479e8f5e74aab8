package com.salesai.integration.calls;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param knownCallsGroup the consumer group reading {@code calls.recorded} keys into {@link KnownCalls}
 */
@ConfigurationProperties("app.calls")
record CallsProperties(String knownCallsGroup) {
    CallsProperties {
        knownCallsGroup = knownCallsGroup == null || knownCallsGroup.isBlank() ? "integration-known-calls"
                : knownCallsGroup;
    }
}
