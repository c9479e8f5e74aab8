package com.salesai.integration.importing;

import com.salesai.integration.config.CurrentUser;
import com.salesai.integration.settings.ActiveIntegration;
import com.salesai.integration.settings.IntegrationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/** Starts imports (one running per user) on the import executor and reads their progress. */
@Service
public class ImportService {
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final IntegrationService integrations;
    private final ImportStore store;
    private final ImportRunner runner;
    private final ExecutorService importExecutor;
    private final ImportProperties properties;
    private final Clock clock = Clock.systemUTC();

    ImportService(IntegrationService integrations, ImportStore store, ImportRunner runner,
                  ExecutorService importExecutor, ImportProperties properties) {
        this.integrations = integrations;
        this.store = store;
        this.runner = runner;
        this.importExecutor = importExecutor;
        this.properties = properties;
    }

    String start(CurrentUser user, ImportRequest request) {
        ActiveIntegration integration = integrations.activeIntegration(user.userId());
        Instant now = clock.instant();
        String jobId = UUID.randomUUID().toString();
        if (!store.tryLock(user.userId(), jobId, now, properties.lockTtl())) {
            throw new ImportConflictException();
        }
        ImportJob job = store.create(new ImportJob(jobId, user.userId(), ImportJob.Status.RUNNING,
                request.maxMeetingsOrDefault(), request.createdAfter(), 0, 0, 0, List.of(), now, null));
        try {
            importExecutor.submit(() -> runner.run(job, integration));
        } catch (RejectedExecutionException e) {
            store.finish(jobId, ImportJob.Status.FAILED, "service is shutting down", now);
            store.unlock(user.userId(), jobId);
            throw e;
        }
        log.info("Import {} started for user {}: up to {} meetings", jobId, user.userId(), job.requested());
        return jobId;
    }

    /** Whether an import of this user runs now (on any instance): the catch-up sync gives way to it. */
    public boolean running(String userId) {
        return store.locked(userId, clock.instant(), properties.lockTtl());
    }

    ImportJob job(CurrentUser user, String jobId) {
        return store.find(jobId).filter(job -> job.userId().equals(user.userId()))
                .orElseThrow(() -> new ImportJobNotFoundException(jobId));
    }
}
