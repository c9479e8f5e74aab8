package com.salesai.analysis;

import com.salesai.schema.events.Topics;
import com.salesai.testsupport.EmbeddedMongoInitializer;
import com.salesai.testsupport.IssuerStub;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The service as it starts by default (no OpenAI key: metrics only; no operator token), its dev tokens and the
 * identity provider's accepted, as in the local stack. Every test that takes it shares one cached context and one
 * broker, so nothing may be added to it per class. {@code calls.erased} exists from the start, as in a deployment,
 * so the erasure listener is assigned its partition at once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "app.auth.dev-secret=" + AnalysisServiceTest.DEV_SECRET)
@EmbeddedKafka(partitions = 1, topics = {Topics.CALLS_RECORDED, Topics.CALLS_ERASED},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
// @EmbeddedMongo's initializer, listed here: one @ContextConfiguration per test class is read
@ContextConfiguration(initializers = {EmbeddedMongoInitializer.class, IssuerStub.Initializer.class})
public @interface AnalysisServiceTest {
    String DEV_SECRET = "test-secret-of-at-least-32-characters!";
}
