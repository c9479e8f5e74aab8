package com.salesai.dashboard.stream;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.CallStatusChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fans call status changes out to the SSE subscribers of this instance whose scope covers the call, and sends
 * heartbeat comments. The changes come from {@link StatusFeed}, which reads what every instance applied (with
 * several dashboard instances each applies only the calls of its partitions), so no subscriber misses a change.
 */
@Component
class CallStatusHub {

    private static final Logger log = LoggerFactory.getLogger(CallStatusHub.class);
    static final String EVENT_NAME = "call-status";

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final StreamProperties props;
    private final ScheduledExecutorService heartbeats;
    private final StreamAdmission admission;
    private final Map<StreamAdmission.Verdict, Counter> refused = new EnumMap<>(StreamAdmission.Verdict.class);

    CallStatusHub(StreamProperties props, MeterRegistry meters) {
        this.props = props;
        this.admission = new StreamAdmission(props.maxPerUser(), props.maxPerInstance());
        for (StreamAdmission.Verdict limit : List.of(StreamAdmission.Verdict.USER_LIMIT,
                StreamAdmission.Verdict.INSTANCE_LIMIT)) {
            refused.put(limit, Counter.builder("dashboard.sse.refused").tag("limit", limit.name().toLowerCase())
                    .description("SSE connections refused with 429 past a limit").register(meters));
        }
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sse-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = props.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
        Gauge.builder("dashboard.sse.subscribers", subscribers, Set::size)
                .description("Open call-status SSE connections").register(meters);
    }

    /**
     * A stream for the caller, ending when its token expires: the client reconnects with a renewed token, so the
     * scope it is sent is re-checked at least once per token lifetime.
     */
    SseEmitter subscribe(Caller caller, Instant tokenExpiresAt) {
        StreamAdmission.Verdict verdict = admission.admit(caller.orgId(), caller.userId());
        if (verdict != StreamAdmission.Verdict.ADMITTED) {
            refused.get(verdict).increment();
            throw new StreamLimitException(verdict);
        }
        SseEmitter emitter = new SseEmitter(lifetime(tokenExpiresAt).toMillis());
        Subscriber subscriber = new Subscriber(caller, emitter);
        emitter.onCompletion(() -> drop(subscriber));
        emitter.onTimeout(() -> {
            drop(subscriber);
            emitter.complete();
        });
        emitter.onError(e -> drop(subscriber));
        subscribers.add(subscriber);
        // An immediate comment flushes the headers, so the client knows the subscription is live.
        send(subscriber, SseEmitter.event().comment("connected"));
        log.info("SSE subscriber {} of org {} connected ({} open)", caller.userId(), caller.orgId(),
                subscribers.size());
        return emitter;
    }

    private Duration lifetime(Instant tokenExpiresAt) {
        if (tokenExpiresAt == null) {
            return props.timeout();
        }
        Duration left = Duration.between(Instant.now(), tokenExpiresAt);
        // a token inside the validator's clock skew may already be past its expiry: end its stream at once
        return left.compareTo(props.timeout()) < 0 ? Duration.ofMillis(Math.max(left.toMillis(), 1)) : props.timeout();
    }

    /** Removes a subscriber once, whichever of completion, timeout, error or a failed send comes first. */
    private void drop(Subscriber subscriber) {
        if (subscribers.remove(subscriber)) {
            admission.release(subscriber.caller().orgId(), subscriber.caller().userId());
        }
    }

    void publish(CallStatusChanged change) {
        CallStatusEvent data = CallStatusEvent.of(change);
        for (Subscriber subscriber : subscribers) {
            if (subscriber.caller().canSee(change.orgId(), change.userId())) {
                send(subscriber, SseEmitter.event().name(EVENT_NAME).id(change.callId() + ":" + change.status())
                        .data(data, MediaType.APPLICATION_JSON));
            }
        }
    }

    void heartbeat() {
        for (Subscriber subscriber : subscribers) {
            send(subscriber, SseEmitter.event().comment("heartbeat"));
        }
    }

    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            // The client went away: drop it; the container completes the emitter.
            drop(subscriber);
            subscriber.emitter().completeWithError(e);
        }
    }

    /**
     * Ends every stream as soon as shutdown begins, before the web server's graceful shutdown, which would otherwise
     * wait its whole grace period for these never-ending requests; clients reconnect (to another instance).
     */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        subscribers.forEach(s -> {
            drop(s);
            s.emitter().complete();
        });
    }

    @PreDestroy
    void close() {
        heartbeats.shutdownNow();
        endStreams();
    }

    private record Subscriber(Caller caller, SseEmitter emitter) {
        // identity semantics: two connections of the same caller are two subscribers
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
