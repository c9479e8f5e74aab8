package com.salesai.integration.settings;

import com.salesai.integration.config.CurrentUser;
import com.salesai.platform.kafka.AckedSender;
import com.salesai.schema.events.Topics;
import com.salesai.schema.events.UserCallsErasureRequested;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * {@code DELETE /api/integrations/fathom?eraseCalls=true}: asks for every call credited to the member to be erased,
 * on {@code calls.erasure-requested}. This service cannot list them (it knows call ids, not who they are credited
 * to); the dashboard's read model can, and answers with one {@code CallErased} per call, which every service applies.
 *
 * <p>Recovery story: the request is published (acknowledged) before the integration is deleted. Kafka down: 503,
 * nothing deleted, the member retries. Crash after the ack: the integration is still there and the retry publishes
 * the request again, which is harmless (erasure is idempotent). Dashboard down: the request waits on the topic; the
 * dashboard commits it only after every {@code CallErased} is acknowledged, so a crash midway redoes the fan-out.
 * A service down when a {@code CallErased} is published reads it when it is back ({@code calls.erased} is compacted
 * and never tombstoned).
 */
@Component
class CallsErasureRequests {
    private final AckedSender kafka;
    private final Clock clock = Clock.systemUTC();

    CallsErasureRequests(AckedSender kafka) {
        this.kafka = kafka;
    }

    void requestFor(CurrentUser user) {
        kafka.send(Topics.CALLS_ERASURE_REQUESTED, user.userId(),
                UserCallsErasureRequested.of(user.userId(), user.orgId(), user.userId(), clock.instant()));
    }
}
