package com.salesai.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that runs beside the other such tests of its class, for tests that mostly wait (Kafka polls, read
 * timeouts) and share nothing but the context. On the method, not the class: a concurrent class would also run
 * beside other classes, some of which (Kafka made unreachable, the in-flight budget) must run alone.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
@Execution(ExecutionMode.CONCURRENT)
public @interface ConcurrentTest {
}
