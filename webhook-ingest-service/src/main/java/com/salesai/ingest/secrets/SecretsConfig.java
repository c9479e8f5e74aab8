package com.salesai.ingest.secrets;

import com.salesai.ingest.config.IngestProperties;
import com.salesai.platform.crypto.AadMigration;
import com.salesai.platform.kafka.TopicFollower;
import com.salesai.platform.kafka.TopicFollowers;
import com.salesai.schema.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecretsConfig {

    @Bean
    IntegrationView integrationView(AadMigration secrets, IngestProperties properties, MeterRegistry meters) {
        return new IntegrationView(secrets, properties.previousSecretGrace(), meters);
    }

    @Bean
    TopicFollower integrationViewFollower(TopicFollowers followers, IntegrationView view) {
        IntegrationViewConsumer consumer = new IntegrationViewConsumer(view);
        return followers.follow(Topics.INTEGRATIONS).clientId("ingest-integration-view")
                .whenCaughtUp(consumer::caughtUp).build(consumer);
    }
}
