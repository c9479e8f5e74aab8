package com.salesai.dashboard;

import com.salesai.schema.events.Topics;
import com.salesai.testsupport.EmbeddedMongoInitializer;
import com.salesai.testsupport.IssuerStub;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one Spring context every integration test shares (cached): embedded Kafka + Mongo, short back-offs; an
 * identity provider (WireMock) and the dev secret both accepted, as in the local stack.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.auth.dev-secret=" + Tokens.SECRET,
        "app.kafka.topics.calls-partitions=1",
        "app.kafka.retry.initial-interval=50ms",
        "app.kafka.retry.attempts=2",
        "app.stream.heartbeat=1s",
        "app.export.max-rows=" + DashboardIntegrationTest.EXPORT_MAX_ROWS,
        "app.cors.allowed-origins=http://localhost:5173",
        "app.web.integration-api-url=http://localhost:8082"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = {Topics.CALLS_RECORDED, Topics.CALLS_ANALYZED, Topics.CALLS_ANALYSIS_FAILED, Topics.CALLS_REVIEWED,
                Topics.CALLS_ERASED, Topics.CALLS_ERASURE_REQUESTED})
// @EmbeddedMongo's initializer, listed here: one @ContextConfiguration per test class is read
@ContextConfiguration(initializers = {EmbeddedMongoInitializer.class, IssuerStub.Initializer.class})
public @interface DashboardIntegrationTest {

    /** Small enough that a test can seed more calls than one export may hold. */
    int EXPORT_MAX_ROWS = 12;
}
