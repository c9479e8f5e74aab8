package com.salesai.devidp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The local stack's OpenID Connect provider: seeded users, the pages' public client, the scripts' client. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DevIdentityProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(DevIdentityProviderApplication.class, args);
    }
}
