package com.salesai.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Architecture rules every service checks on its own classes (a test per service with {@code @ArchTest}).
 */
public final class KafkaClientRules {
    /** By name, so this module needs no Kafka on its classpath. */
    private static final Set<String> HAND_BUILT_CLIENTS = Set.of(
            "org.apache.kafka.clients.consumer.KafkaConsumer",
            "org.apache.kafka.clients.producer.KafkaProducer",
            "org.springframework.kafka.core.DefaultKafkaConsumerFactory",
            "org.springframework.kafka.core.DefaultKafkaProducerFactory");

    /**
     * Kafka clients come from Boot's auto-configured factories, shaped by the platform module: a client or factory
     * built with {@code new} gets neither the {@code spring.kafka.*} settings nor Micrometer's client metrics and
     * observations. Only {@code com.salesai.platform} may build one.
     */
    public static final ArchRule KAFKA_CLIENTS_COME_FROM_BOOT_FACTORIES = noClasses()
            .that().resideOutsideOfPackage("com.salesai.platform..")
            .should().callConstructorWhere(DescribedPredicate.describe(
                    "the constructor of KafkaConsumer, KafkaProducer, DefaultKafkaConsumerFactory or "
                            + "DefaultKafkaProducerFactory",
                    (JavaConstructorCall call) -> HAND_BUILT_CLIENTS.contains(call.getTargetOwner().getName())))
            .because("Boot's factories carry spring.kafka.*, client metrics and observations; the platform shapes them");

    private KafkaClientRules() {
    }
}
