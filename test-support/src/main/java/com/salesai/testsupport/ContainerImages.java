package com.salesai.testsupport;

/**
 * The images of the {@code *ContainersTest}s, in one place: the broker is the release of the kafka-clients the
 * services are built with (and of docker-compose's broker), MongoDB the compose file's.
 */
public final class ContainerImages {
    public static final String KAFKA = "apache/kafka:4.1.2";
    public static final String MONGO = "mongo:8.0";

    private ContainerImages() {
    }
}
