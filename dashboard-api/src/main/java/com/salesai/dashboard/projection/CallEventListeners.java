package com.salesai.dashboard.projection;

import com.salesai.platform.observability.CallLogContext;
import com.salesai.schema.events.CallAnalysisFailed;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.CallErased;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.CallReviewed;
import com.salesai.schema.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read model's consumers (group {@code dashboard}). Every dashboard instance joins the same group, so each
 * event is applied once across instances; exceptions propagate to the container's error handler (retry, then DLT).
 * An instance that starts with an empty read model (new or wiped database) rewinds its partitions once, because the
 * group's committed offsets would otherwise skip every call already on the topics; upserts are idempotent, so
 * replaying what another instance already applied is harmless; {@code calls.reviewed} and {@code calls.erased} are
 * rewound with the others, so a rebuilt read model still holds every review and knows every erased call. A tombstone
 * (null value: an erased call's event removed from a compacted topic) carries nothing to apply and is skipped, never
 * dead-lettered. Every line logged while an event is applied carries its call's callId, orgId and userId.
 */
@Component
class CallEventListeners implements ConsumerSeekAware {

    static final String GROUP = "dashboard";
    private static final Logger log = LoggerFactory.getLogger(CallEventListeners.class);

    private final CallProjection projection;
    private final boolean rebuild;
    private final Set<TopicPartition> rewound = ConcurrentHashMap.newKeySet();

    CallEventListeners(CallProjection projection, MongoTemplate mongo) {
        this.projection = projection;
        this.rebuild = mongo.estimatedCount(CallRecord.class) == 0;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        if (!rebuild) {
            return;
        }
        Set<TopicPartition> toRewind = new HashSet<>(assignments.keySet());
        toRewind.removeIf(partition -> !rewound.add(partition));
        if (!toRewind.isEmpty()) {
            log.info("read model empty at start-up: rebuilding from the beginning of {}", toRewind);
            callback.seekToBeginning(toRewind);
        }
    }

    @KafkaListener(id = "dashboard-calls-recorded", groupId = GROUP, topics = Topics.CALLS_RECORDED)
    void onRecorded(@Payload(required = false) CallRecorded event) {
        if (event == null) {
            return;
        }
        applying(event.callId(), event.orgId(), event.userId(), () -> projection.on(event));
    }

    @KafkaListener(id = "dashboard-calls-analyzed", groupId = GROUP, topics = Topics.CALLS_ANALYZED)
    void onAnalyzed(@Payload(required = false) CallAnalyzed event) {
        if (event == null) {
            return;
        }
        applying(event.callId(), event.orgId(), event.userId(), () -> projection.on(event));
    }

    @KafkaListener(id = "dashboard-calls-analysis-failed", groupId = GROUP, topics = Topics.CALLS_ANALYSIS_FAILED)
    void onAnalysisFailed(@Payload(required = false) CallAnalysisFailed event) {
        if (event == null) {
            return;
        }
        applying(event.callId(), event.orgId(), event.userId(), () -> projection.on(event));
    }

    /** A review names its call's organization, not its rep: lines logged while it is applied carry no userId. */
    @KafkaListener(id = "dashboard-calls-reviewed", groupId = GROUP, topics = Topics.CALLS_REVIEWED)
    void onReviewed(@Payload(required = false) CallReviewed event) {
        if (event == null) {
            return;
        }
        applying(event.callId(), event.orgId(), null, () -> projection.on(event));
    }

    @KafkaListener(id = "dashboard-calls-erased", groupId = GROUP, topics = Topics.CALLS_ERASED)
    void onErased(@Payload(required = false) CallErased event) {
        if (event == null) {
            return;
        }
        applying(event.callId(), event.orgId(), null, () -> projection.on(event));
    }

    private static void applying(String callId, String orgId, String userId, Runnable apply) {
        try (CallLogContext ignored = CallLogContext.of(callId, orgId, userId)) {
            apply.run();
        }
    }
}
