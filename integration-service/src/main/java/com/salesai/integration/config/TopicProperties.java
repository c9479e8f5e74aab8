package com.salesai.integration.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Partition counts of the topics this service declares; {@code calls.*} = max analysis consumers. */
@ConfigurationProperties("app.topics")
record TopicProperties(int callsPartitions, int integrationsPartitions) {
    TopicProperties {
        callsPartitions = callsPartitions <= 0 ? 12 : callsPartitions;
        integrationsPartitions = integrationsPartitions <= 0 ? 3 : integrationsPartitions;
    }
}
