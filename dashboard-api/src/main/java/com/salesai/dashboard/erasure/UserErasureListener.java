package com.salesai.dashboard.erasure;

import com.salesai.platform.observability.CallLogContext;
import com.salesai.schema.events.Topics;
import com.salesai.schema.events.UserCallsErasureRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Consumer of {@code calls.erasure-requested} (group {@code dashboard-erasure}), published by integration-service
 * when a member deletes their integration with {@code eraseCalls=true}. Recovery story: the offset is committed only
 * after every {@code CallErased} of the member's calls is acknowledged; a crash or a Kafka failure midway redelivers
 * the request (the platform's retries, waited-out outages), which erases again what is left. While the dashboard is
 * down the request waits on the topic. Not rewound with the read model: a member's later calls are not theirs to
 * erase.
 */
@Component
class UserErasureListener {
    private static final Logger log = LoggerFactory.getLogger(UserErasureListener.class);

    private final CallErasureRequests requests;

    UserErasureListener(CallErasureRequests requests) {
        this.requests = requests;
    }

    @KafkaListener(id = "dashboard-erasure-requested", groupId = "dashboard-erasure",
            topics = Topics.CALLS_ERASURE_REQUESTED)
    void onRequested(@Payload(required = false) UserCallsErasureRequested request) {
        if (request == null) {
            return;
        }
        // a request is about a member's calls, not one call: the lines carry the member and the org
        try (CallLogContext ignored = CallLogContext.of(null, request.orgId(), request.userId())) {
            int erased = requests.eraseAllOf(request.orgId(), request.userId(), request.requestedBy());
            log.info("erasure of the calls of user {} in org {}: {} call(s) erased", request.userId(),
                    request.orgId(), erased);
        }
    }
}
