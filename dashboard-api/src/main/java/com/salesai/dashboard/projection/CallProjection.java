package com.salesai.dashboard.projection;

import com.salesai.platform.erasure.ErasedCalls;
import com.salesai.schema.events.CallAnalysisFailed;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.CallErased;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.CallReviewed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies call events to the read model (the call record, then its day bucket and its rep's latest
 * review) and announces status changes. The announcement happens only after the
 * write succeeded; if the process dies in between, the redelivered event finds nothing to change and no
 * announcement is repeated — acceptable because SSE is a live hint and clients re-read via REST on reconnect.
 *
 * <p>Erasure: {@link #on(CallErased)} remembers the call as erased, tombstones its review on {@code calls.reviewed},
 * then removes its day-bucket copy, then its record (in that order, so a crash or a Kafka failure in between leaves
 * the record to find on redelivery, and every step is redone). Every event of an erased call is ignored from then on;
 * an event being applied while the call is erased is checked again after its write, and its write undone, so no
 * race brings the call back. The tombstone follows the mark, so a review published meanwhile either comes before the
 * tombstone or finds the mark ({@link #isErased}) and is tombstoned by its publisher.
 */
@Service
public class CallProjection {

    private static final Logger log = LoggerFactory.getLogger(CallProjection.class);

    private final CallRecordStore store;
    private final DayBucketStore days;
    private final LastReviewStore lastReviews;
    private final ErasedCalls erased;
    private final ReviewTombstones reviewTombstones;
    private final ApplicationEventPublisher publisher;
    private final MeterRegistry meters;

    CallProjection(CallRecordStore store, DayBucketStore days, LastReviewStore lastReviews, ErasedCalls erased,
                   ReviewTombstones reviewTombstones, ApplicationEventPublisher publisher, MeterRegistry meters) {
        this.store = store;
        this.days = days;
        this.lastReviews = lastReviews;
        this.erased = erased;
        this.reviewTombstones = reviewTombstones;
        this.publisher = publisher;
        this.meters = meters;
    }

    public void on(CallRecorded event) {
        apply("recorded", event.callId(), event);
    }

    public void on(CallAnalyzed event) {
        apply("analyzed", event.callId(), event).filter(CallRecordStore.Change::evaluated)
                .ifPresent(this::timeToEvaluated);
    }

    public void on(CallAnalysisFailed event) {
        apply("analysis-failed", event.callId(), event);
    }

    /** A manager's review: the call's effective score, its day's averages and its list item follow it. */
    public void on(CallReviewed event) {
        apply("reviewed", event.callId(), event);
    }

    /** Erased stays erased: the record and its day-bucket copy go, and the call's later events are ignored. */
    public void on(CallErased event) {
        erased.remember(event.callId(), event.orgId(), event.at());
        reviewTombstones.send(event.callId());
        boolean removed = remove(event.callId());
        meters.counter("dashboard.calls.erased").increment();
        log.info("call {} erased (requested by {}): {}", event.callId(), event.requestedBy(),
                removed ? "record removed" : "no record held");
    }

    /** Whether the call was erased (its events are ignored). */
    public boolean isErased(String callId) {
        return erased.contains(callId);
    }

    private boolean remove(String callId) {
        Optional<CallRecord> record = store.find(callId);
        record.ifPresent(current -> {
            days.forget(current);
            lastReviews.forget(current);
            store.delete(callId);
        });
        return record.isPresent();
    }

    private Optional<CallRecordStore.Change> apply(String type, String callId, Object event) {
        long start = System.nanoTime();
        if (erased.contains(callId)) {
            meters.counter("dashboard.projection.events", "type", type, "result", "erased").increment();
            log.info("call {} {} event ignored: the call is erased", callId, type);
            return Optional.empty();
        }
        Optional<CallRecordStore.Change> change = store.merge(callId, current -> CallRecordMerge.apply(current, event));
        if (erased.contains(callId)) {
            // erased while this event was being applied: undo the write instead of announcing it
            remove(callId);
            meters.counter("dashboard.projection.events", "type", type, "result", "erased").increment();
            return Optional.empty();
        }
        // The day bucket follows the record; on a redelivery (nothing changed) it is re-synced from the stored
        // record, which repairs a bucket write lost to a crash right after the record's write.
        change.ifPresentOrElse(c -> {
            days.sync(c.before(), c.after());
            lastReviews.sync(c.before(), c.after());
        }, () -> store.find(callId).ifPresent(current -> {
            days.sync(null, current);
            lastReviews.sync(null, current);
        }));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String result = change.isPresent() ? "applied" : "unchanged";
        meters.counter("dashboard.projection.events", "type", type, "result", result).increment();
        change.ifPresentOrElse(c -> {
            log.info("call {} {} event applied: status {} -> {} in {} ms", callId, type,
                    c.before() == null ? "none" : c.before().status(), c.after().status(), millis);
            if (c.statusChanged()) {
                publisher.publishEvent(CallStatusChanged.of(c.after()));
            }
        }, () -> log.info("call {} {} event changed nothing (redelivery or older) in {} ms", callId, type, millis));
        return change;
    }

    /**
     * From the call's receipt (webhook, import or sync) to its first evaluation, by source: the latency the product
     * promises. A call whose analysis arrived before its recording is not timed: there was no receipt to start from.
     */
    private void timeToEvaluated(CallRecordStore.Change change) {
        RecordedPart recorded = change.after().recorded();
        if (recorded == null || recorded.receivedAt() == null) {
            return;
        }
        Timer.builder("dashboard.calls.received.to.evaluated")
                .description("from a call's receipt to its first evaluation in the read model")
                .tag("source", Objects.requireNonNullElse(recorded.source(), "unknown")).register(meters)
                .record(Duration.between(recorded.receivedAt(), Instant.now()));
    }
}
