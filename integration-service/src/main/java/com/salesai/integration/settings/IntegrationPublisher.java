package com.salesai.integration.settings;

import com.salesai.platform.kafka.AckedSender;
import com.salesai.platform.kafka.KafkaPublishException;
import com.salesai.schema.events.IntegrationChanged;
import com.salesai.schema.events.IntegrationStatus;
import com.salesai.schema.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Publishes stored integration changes to the compacted {@code fathom.integrations}.
 * <p>Recovery story (DB write + publish): every change is first stored with {@code pendingPublish=true}, then
 * published, then the marker is cleared for that version. If the publish fails or the process dies in between,
 * {@link #republishPending()} (at start-up and every {@code app.integration.republish-interval}) publishes the
 * latest state again. A duplicate publish is harmless: the topic is compacted and consumers keep the latest value.
 */
@Component
class IntegrationPublisher {
    private static final Logger log = LoggerFactory.getLogger(IntegrationPublisher.class);

    private final AckedSender kafka;
    private final IntegrationStore store;
    private final MeterRegistry meters;
    private final Clock clock;

    IntegrationPublisher(AckedSender kafka, IntegrationStore store, MeterRegistry meters) {
        this.kafka = kafka;
        this.store = store;
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    /** @return whether Kafka acked; on failure the document stays pending for the republisher */
    boolean publish(StoredIntegration integration) {
        boolean tombstone = integration.state() == StoredIntegration.State.DELETING;
        Object value = tombstone ? null : toEvent(integration);
        try {
            kafka.send(Topics.INTEGRATIONS, integration.userId(), value);
        } catch (KafkaPublishException e) {
            return failed(integration, e);
        }
        if (tombstone) {
            store.removeDeleted(integration.id(), integration.version());
        } else {
            store.markPublished(integration.id(), integration.version());
        }
        meters.counter("integrations.published", "kind", tombstone ? "tombstone" : "active").increment();
        log.info("Published {} for user {} version {}", tombstone ? "tombstone" : "IntegrationChanged",
                integration.userId(), integration.version());
        return true;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${app.integration.republish-interval:PT30S}",
            initialDelayString = "${app.integration.republish-interval:PT30S}")
    void republishPending() {
        for (StoredIntegration pending : store.findPendingPublish()) {
            log.info("Republishing pending integration change of user {} version {}", pending.userId(),
                    pending.version());
            publish(pending);
        }
    }

    private boolean failed(StoredIntegration integration, Exception e) {
        meters.counter("integrations.publish.failures").increment();
        log.warn("Publishing integration change of user {} version {} failed ({}); the republisher will retry",
                integration.userId(), integration.version(), e.toString());
        return false;
    }

    private IntegrationChanged toEvent(StoredIntegration integration) {
        StoredIntegration.PreviousSecret previous = integration.previousSecret();
        return new IntegrationChanged(IntegrationChanged.SCHEMA_VERSION, UUID.randomUUID(), clock.instant(),
                integration.userId(), integration.orgId(), integration.userEmail(), integration.userName(),
                IntegrationChanged.PLATFORM_FATHOM, IntegrationStatus.ACTIVE, integration.webhookId(),
                integration.encryptedWebhookSecret(), integration.version(), integration.updatedAt(),
                previous == null ? null : previous.encryptedWebhookSecret(),
                previous == null ? null : previous.expiresAt(), integration.fathomEmail());
    }
}
