package com.salesai.ingest.erasure;

import com.salesai.ingest.dedup.DeliveryClaims;
import com.salesai.platform.erasure.CallErasureHandler;
import com.salesai.platform.kafka.AckedSender;
import com.salesai.schema.events.CallErased;
import com.salesai.schema.events.Topics;
import org.springframework.stereotype.Component;

/**
 * The ingest's part of an erasure: mark the call erased, so any later delivery or redelivery of the recording (from
 * any member's webhook) is answered as a duplicate and never published again, then tombstone it on
 * {@code calls.recorded}, so compaction removes the recording from the topic. Recovery story: the mark first, the
 * tombstone second, both idempotent; if either fails the listener throws and the record is delivered again, so a
 * crash in between repeats both. The mark is written before the tombstone so no delivery can slip in between and
 * publish the call after its tombstone.
 */
@Component
class CallErasure implements CallErasureHandler {
    private final DeliveryClaims claims;
    private final AckedSender kafka;

    CallErasure(DeliveryClaims claims, AckedSender kafka) {
        this.claims = claims;
        this.kafka = kafka;
    }

    @Override
    public String consumerGroup() {
        return "ingest-erasure";
    }

    @Override
    public void erase(CallErased erased) {
        claims.markErased(erased.orgId(), erased.callId());
        kafka.send(Topics.CALLS_RECORDED, erased.callId(), null);
    }
}
