package com.salesai.ingest.webhook;

import com.salesai.ingest.dedup.DeliveryClaims;
import com.salesai.ingest.publish.CallPublisher;
import com.salesai.ingest.publish.QuarantinePublisher;
import com.salesai.ingest.secrets.IntegrationDirectory;
import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.webhooks.StandardWebhooksVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfig {

    @Bean
    WebhookDelivery webhookDelivery(IntegrationDirectory directory, StandardWebhooksVerifier verifier,
                                    FathomPayloadNormalizer normalizer, DeliveryClaims claims, CallPublisher calls,
                                    QuarantinePublisher quarantine) {
        return new WebhookDelivery(directory, verifier, normalizer, claims, calls, quarantine);
    }
}
