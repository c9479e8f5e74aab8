package com.salesai.ingest.secrets;

import com.salesai.ingest.config.IngestProperties;
import com.salesai.schema.crypto.Keyring;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecretsConfig {

    @Bean
    IntegrationView integrationView(Keyring keyring, IngestProperties properties) {
        return new IntegrationView(keyring, properties.previousSecretGrace());
    }
}
