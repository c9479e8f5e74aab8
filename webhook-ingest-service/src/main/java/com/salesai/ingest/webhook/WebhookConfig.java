package com.salesai.ingest.webhook;

import com.salesai.ingest.config.IngestProperties;
import com.salesai.schema.events.TopicConfigs;
import com.salesai.ingest.dedup.DeliveryClaims;
import com.salesai.ingest.publish.CallPublisher;
import com.salesai.ingest.publish.QuarantinePublisher;
import com.salesai.ingest.secrets.IntegrationDirectory;
import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.webhooks.StandardWebhooksVerifier;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class WebhookConfig {

    @Bean
    WebhookDelivery webhookDelivery(IntegrationDirectory directory, StandardWebhooksVerifier verifier,
                                    FathomPayloadNormalizer normalizer, DeliveryClaims claims, CallPublisher calls,
                                    QuarantinePublisher quarantine) {
        return new WebhookDelivery(directory, verifier, normalizer, claims, calls, quarantine);
    }

    @Bean
    WebhookIntake webhookIntake(WebhookDelivery delivery, IngestProperties properties, TopicConfigs.Limits limits,
                                Clock clock, MeterRegistry registry) {
        long maxBodyBytes = limits.maxBodyBytes();
        if (maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("INGEST_MAX_BODY_BYTES is at most " + (Integer.MAX_VALUE - 8)
                    + ": a body is read into one array");
        }
        if (properties.maxInflightBytes() < maxBodyBytes) {
            throw new IllegalArgumentException("INGEST_MAX_INFLIGHT_BYTES (" + properties.maxInflightBytes()
                    + ") is below INGEST_MAX_BODY_BYTES (" + maxBodyBytes + "): a body of the largest size could "
                    + "never be read");
        }
        InflightBytes budget = new InflightBytes(properties.maxInflightBytes());
        Gauge.builder("ingest.inflight.bytes", budget, InflightBytes::reserved)
                .description("bytes of webhook bodies reserved by the deliveries being read or decided")
                .baseUnit("bytes").register(registry);
        DistributionSummary payloadBytes = DistributionSummary.builder("ingest.payload.bytes")
                .description("size of webhook bodies read").baseUnit("bytes").register(registry);
        return new WebhookIntake(delivery, budget, maxBodyBytes, properties.readTimeout(), clock,
                payloadBytes::record);
    }

    @Bean
    FilterRegistrationBean<UnreadBodyDrain> unreadBodyDrain(IngestProperties properties, Clock clock) {
        FilterRegistrationBean<UnreadBodyDrain> registration = new FilterRegistrationBean<>(
                new UnreadBodyDrain(clock, properties.readTimeout()));
        registration.addUrlPatterns("/api/webhooks/fathom/*");
        // Outermost, so that the time spent draining is not counted as the request's.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * A sender that stops sending mid-body is cut off by Tomcat's upload timeout, set to the read timeout: the
     * intake's deadline is looked at between reads, and a read would otherwise block for Tomcat's connection
     * timeout (60 s). The same bound holds for draining an unread body ({@link UnreadBodyDrain}) and for the one read
     * Tomcat makes of what is left before it closes.
     */
    @Bean
    TomcatProtocolHandlerCustomizer<AbstractHttp11Protocol<?>> uploadTimeout(IngestProperties properties) {
        return protocol -> {
            protocol.setDisableUploadTimeout(false);
            protocol.setConnectionUploadTimeout(Math.toIntExact(properties.readTimeout().toMillis()));
        };
    }
}
