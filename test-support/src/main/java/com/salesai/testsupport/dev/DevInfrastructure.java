package com.salesai.testsupport.dev;

import com.salesai.schema.events.Topics;
import com.salesai.testsupport.EmbeddedMongoInitializer;
import com.salesai.testsupport.InMemoryMongoServer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * What a service needs to run from the IDE with nothing installed: an embedded Kafka broker (KRaft), the in-memory
 * MongoDB stand-in (mongo-java-server), a generated dev JWT secret and the dev-mode keyring. A service's
 * {@code Test<Service>Application} runs its real {@code main} with it:
 * {@code SpringApplication.from(XApplication::main).with(DevInfrastructure.class)
 * .withAdditionalProfiles(DevInfrastructure.PROFILE).run(args)}. Everything lives as long as the application.
 * The addresses reach the services as properties, not as connection details: the services build some Kafka clients
 * from {@code KafkaProperties}, which connection details do not reach.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DevInfrastructure {
    /** The services' profile for mongo-java-server, which cannot answer Boot's Mongo health check. */
    public static final String PROFILE = EmbeddedMongoInitializer.PROFILE;
    /** The topics the services consume from one another, made up front so listeners are assigned them at start. */
    static final String[] SHARED_TOPICS = {Topics.INTEGRATIONS, Topics.CALLS_RECORDED, Topics.CALLS_ANALYZED,
            Topics.CALLS_ANALYSIS_FAILED, Topics.CALLS_ERASED, Topics.CALLS_ERASURE_REQUESTED};

    @Bean
    EmbeddedKafkaBroker devKafka() {
        // one partition each: the services raise the topics they declare themselves to their own counts
        return new EmbeddedKafkaKraftBroker(1, 1, SHARED_TOPICS);
    }

    @Bean
    InMemoryMongoServer devMongo() {
        return InMemoryMongoServer.start();
    }

    @Bean
    DevLogins devLogins() {
        return DevLogins.generate();
    }

    @Bean
    DynamicPropertyRegistrar devInfrastructureProperties(EmbeddedKafkaBroker kafka, InMemoryMongoServer mongo,
                                                         DevLogins logins) {
        return registry -> {
            registry.add("spring.kafka.bootstrap-servers", kafka::getBrokersAsString);
            registry.add("spring.mongodb.uri", mongo::uri);
            registry.add("app.auth.dev-secret", logins::devSecret);
            // ingest and integration: a generated in-memory keyring unless APP_CRYPTO_KEYS is set
            registry.add("app.crypto.dev-mode", () -> "true");
        };
    }

    @Bean
    DevRunReport devRunReport(EmbeddedKafkaBroker kafka, InMemoryMongoServer mongo, DevLogins logins) {
        return new DevRunReport(kafka.getBrokersAsString(), mongo.uri(), logins);
    }
}
