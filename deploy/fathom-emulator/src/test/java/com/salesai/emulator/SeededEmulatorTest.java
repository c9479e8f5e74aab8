package com.salesai.emulator;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One emulator shared by the tests that read the seeded meetings and never add any (so "all of Alice's meetings"
 * stays the 60 seeded ones). Each test class uses its own extra keys of Alice, because rate limits count per key.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "emulator.api-keys=rate-test-key,heavy-test-key,lowered-test-key,tight-test-key,"
                + "fields-test-key,filter-test-key,content-test-key,visibility-test-key,webhook-test-key")
@interface SeededEmulatorTest {
    String ALICE = "emulator-api-key";
    String BOB = "emulator-api-key-2";
}
