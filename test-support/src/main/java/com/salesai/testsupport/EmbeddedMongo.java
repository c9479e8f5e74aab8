package com.salesai.testsupport;

import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test context at an in-memory MongoDB-compatible server (mongo-java-server) and activates the
 * {@code embedded-mongo} profile, which turns off the Mongo health indicator that server can't answer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = EmbeddedMongoInitializer.class)
public @interface EmbeddedMongo {
}
