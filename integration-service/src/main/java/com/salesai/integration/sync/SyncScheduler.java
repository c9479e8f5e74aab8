package com.salesai.integration.sync;

import com.salesai.integration.settings.ActiveIntegration;
import com.salesai.integration.settings.IntegrationNotFoundException;
import com.salesai.integration.settings.IntegrationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every tick, leases the active integrations whose sync is due and runs them on a small pool of its own (they wait
 * there for Fathom permits, never on a request thread). Leases are in MongoDB, so replicas share the work and never
 * sync one integration twice at once.
 */
@Component
class SyncScheduler implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

    private final IntegrationService integrations;
    private final SyncLeases leases;
    private final SyncRunner runner;
    private final SyncProperties properties;
    private final String owner = UUID.randomUUID().toString();
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService ticks;
    private final ThreadPoolExecutor runs;

    SyncScheduler(IntegrationService integrations, SyncLeases leases, SyncRunner runner, SyncProperties properties) {
        this.integrations = integrations;
        this.leases = leases;
        this.runner = runner;
        this.properties = properties;
        this.ticks = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "sync-tick"));
        AtomicInteger count = new AtomicInteger();
        this.runs = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.threads() * 4),
                task -> daemon(task, "sync-" + count.incrementAndGet()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.enabled()) {
            log.info("Catch-up sync is off (interval {})", properties.interval());
            return;
        }
        long tick = properties.tick().toMillis();
        ticks.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        log.info("Catch-up sync every {} (overlap {}, at most {} meetings per run)", properties.interval(),
                properties.overlap(), properties.maxMeetings());
    }

    void tick() {
        try {
            for (String userId : integrations.activeUserIds()) {
                if (runs.getQueue().remainingCapacity() == 0) {
                    return; // the rest waits for the next tick, unleased
                }
                leases.tryTake(userId, owner, clock.instant(), properties.leaseTtl()).ifPresent(this::submit);
            }
        } catch (RuntimeException e) {
            log.error("Catch-up sync tick failed", e);
        }
    }

    private void submit(SyncLeases.Lease lease) {
        try {
            runs.execute(() -> run(lease));
        } catch (RejectedExecutionException e) {
            leases.release(lease, null, lease.startedAt());
        }
    }

    private void run(SyncLeases.Lease lease) {
        Instant watermark = null;
        try {
            Optional<ActiveIntegration> integration = active(lease.userId());
            if (integration.isPresent()) {
                watermark = runner.run(integration.get(), lease.watermark()).watermark();
            }
        } catch (RuntimeException e) {
            log.error("Catch-up sync of user {} failed", lease.userId(), e);
        } finally {
            leases.release(lease, watermark, lease.startedAt().plus(properties.interval()));
        }
    }

    private Optional<ActiveIntegration> active(String userId) {
        try {
            return Optional.of(integrations.activeIntegration(userId));
        } catch (IntegrationNotFoundException deletedMeanwhile) {
            return Optional.empty();
        }
    }

    @Override
    public void destroy() {
        ticks.shutdownNow();
        runs.shutdownNow();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
