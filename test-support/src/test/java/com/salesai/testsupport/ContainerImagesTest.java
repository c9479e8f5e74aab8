package com.salesai.testsupport;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerImagesTest {

    /** A kafka-clients upgrade (the parent pom's Boot or a pin) moves the containers tests' broker with it. */
    @Test
    void theBrokerImageIsTheReleaseOfTheKafkaClients() {
        assertThat(ContainerImages.KAFKA).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
    }
}
