package com.salesai.integration;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fathom slow to answer for as long as a test needs, for the stubs that name this transformer: their answers are
 * held until {@link #open()} (at most {@link #MAX_HOLD}), so a test waits on its own condition, not on a fixed delay.
 */
public final class FathomGate implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "fathom-gate";
    private static final Duration MAX_HOLD = Duration.ofSeconds(20);

    private final AtomicInteger arrived = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(1);

    /** Holds the answers of the stubs that name this gate from now on, and counts their requests from zero. */
    public void close() {
        arrived.set(0);
        gate = new CountDownLatch(1);
    }

    /** The requests that reached the gate since it was closed (held or let go). */
    public int arrived() {
        return arrived.get();
    }

    /** Lets the held answers and every later one go. */
    public void open() {
        gate.countDown();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        arrived.incrementAndGet();
        try {
            gate.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return event.getResponseDefinition();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
