package com.salesai.dashboard.projection;

import com.salesai.platform.kafka.AckedSender;
import com.salesai.schema.events.Topics;
import org.springframework.stereotype.Component;

/**
 * Tombstones on {@code calls.reviewed}, which only dashboard-api writes: an erased call's review (the reviewer's
 * comments and note) leaves the compacted topic. Acknowledged by Kafka, or {@code KafkaPublishException}.
 */
@Component
public class ReviewTombstones {

    private final AckedSender kafka;

    ReviewTombstones(AckedSender kafka) {
        this.kafka = kafka;
    }

    public void send(String callId) {
        kafka.send(Topics.CALLS_REVIEWED, callId, null);
    }
}
