package com.salesai.dashboard.stream;

import com.salesai.dashboard.projection.CallStatusChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends each status change this instance applied to the broadcast topic, so subscribers connected to any instance
 * see it. Best effort by design: the read model is already written, a lost notification only delays what a client
 * shows until its next list refresh, so a failed send is counted and logged, not retried into the projection.
 */
@Component
class StatusBroadcaster {
    private static final Logger log = LoggerFactory.getLogger(StatusBroadcaster.class);

    private final KafkaTemplate<String, Object> template;
    private final Counter failures;

    StatusBroadcaster(KafkaTemplate<String, Object> template, MeterRegistry meters) {
        this.template = template;
        this.failures = Counter.builder("dashboard.sse.broadcast.failures")
                .description("Status changes that could not be sent to the other dashboard instances")
                .register(meters);
    }

    @EventListener
    void onStatusChanged(CallStatusChanged change) {
        template.send(StatusBroadcastConfig.TOPIC, change.callId(), change).whenComplete((result, error) -> {
            if (error != null) {
                failures.increment();
                log.warn("could not broadcast status {} of call {}: {}", change.status(), change.callId(),
                        error.toString());
            }
        });
    }
}
