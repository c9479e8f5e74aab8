package com.salesai.emulator;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One emulator for the tests that make new recordings (kept apart so the seeded list stays as seeded). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"emulator.seeded-meetings=12", "emulator.api-keys=routing-test-key,redelivery-test-key"})
@interface RecordingEmulatorTest {
    String ALICE = "emulator-api-key";
    String BOB = "emulator-api-key-2";
}
