package com.salesai.integration.calls;

import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Learns the call ids on {@code calls.recorded} from the record keys alone (values are left as bytes, never
 * parsed), so the catch-up sync does not re-publish what a webhook already brought. Idempotent; a record that fails
 * here only risks one duplicate publish, which consumers absorb, so it needs no dead-letter topic. Tombstones
 * (erased calls) stay known: an erased call must not come back through an import or the sync.
 */
@Component
class KnownCallsListener {
    private final KnownCalls known;
    private final Clock clock = Clock.systemUTC();

    KnownCallsListener(KnownCalls known) {
        this.known = known;
    }

    @KafkaListener(id = "known-calls", topics = Topics.CALLS_RECORDED, groupId = "${app.calls.known-calls-group}",
            batch = "true", properties = {
                    "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                    "max.poll.records=500"})
    void onCalls(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> callIds = records.stream().map(ConsumerRecord::key).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        known.rememberSeen(callIds, clock.instant());
    }
}
