package com.salesai.integration;

import com.salesai.integration.cli.TestConnectionCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IntegrationApplication {
    public static void main(String[] args) {
        if (args.length > 0 && TestConnectionCommand.NAME.equals(args[0])) {
            System.exit(TestConnectionCommand.run(System.getenv(), System.out));
        }
        SpringApplication.run(IntegrationApplication.class, args);
    }
}
