package com.salesai.emulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A local Fathom: external API (meetings, webhooks) with key checks and rate limits, plus signed deliveries. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EmulatorApplication {
    public static void main(String[] args) {
        SpringApplication.run(EmulatorApplication.class, args);
    }
}
