package com.salesai.integration.importing;

import com.salesai.integration.calls.CallPublisher;
import com.salesai.integration.fathom.Caller;
import com.salesai.integration.fathom.FathomApiException;
import com.salesai.integration.fathom.FathomClient;
import com.salesai.integration.fathom.MeetingsPage;
import com.salesai.integration.settings.ActiveIntegration;
import com.salesai.integration.settings.IntegrationService;
import com.salesai.integration.settings.LastImport;
import com.salesai.platform.observability.CallLogContext;
import com.salesai.schema.events.CallSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Runs one import on the import executor: pages {@code GET /meetings} (with content) until {@code requested}
 * meetings were handled and hands each to {@link CallPublisher} (source import, credited to the org member who
 * recorded it, received by the importing user). Permits and 429s are waited out on this thread, never on a request
 * thread.
 */
@Component
class ImportRunner {
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    static final String IMPORTED = "imported";
    static final String SKIPPED = "skippedDuplicates";
    static final String FAILED = "failed";

    private final FathomClient fathom;
    private final ImportStore store;
    private final IntegrationService integrations;
    private final CallPublisher publisher;
    private final ImportProperties properties;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    ImportRunner(FathomClient fathom, ImportStore store, IntegrationService integrations, CallPublisher publisher,
                 ImportProperties properties, MeterRegistry meters) {
        this.fathom = fathom;
        this.store = store;
        this.integrations = integrations;
        this.publisher = publisher;
        this.properties = properties;
        this.meters = meters;
    }

    void run(ImportJob job, ActiveIntegration integration) {
        long started = System.nanoTime();
        Progress progress = new Progress();
        ImportJob.Status status = ImportJob.Status.COMPLETED;
        String jobError = null;
        try {
            CallPublisher.Receipt receipt = new CallPublisher.Receipt(integration.orgId(), integration.userId(),
                    CallSource.IMPORT, integrations.orgRecorders(integration.orgId()));
            String cursor = null;
            MeetingsPage page;
            do {
                page = fathom.listMeetings(integration.apiKey(), Caller.IMPORT, cursor, job.createdAfter(), true);
                for (JsonNode meeting : page.items()) {
                    if (progress.handled >= job.requested()) {
                        break;
                    }
                    progress.handled++;
                    importMeeting(job, meeting, receipt, progress);
                }
                cursor = page.nextCursor();
            } while (progress.handled < job.requested() && page.hasNext() && !page.items().isEmpty());
        } catch (FathomApiException e) {
            status = ImportJob.Status.FAILED;
            jobError = "Fathom: " + e.getMessage();
        } catch (RuntimeException e) {
            status = ImportJob.Status.FAILED;
            jobError = "internal error: " + e.getClass().getSimpleName();
            log.error("Import {} of user {} failed", job.id(), job.userId(), e);
        } finally {
            Instant now = clock.instant();
            store.finish(job.id(), status, jobError, now);
            store.unlock(job.userId(), job.id());
            integrations.recordLastImport(job.userId(), new LastImport(job.id(), status.name().toLowerCase(),
                    job.requested(), progress.imported, progress.skipped, progress.failed, job.startedAt(), now));
        }
        meters.counter("imports.jobs", "status", status.name().toLowerCase()).increment();
        log.info("Import {} of user {} {}: {} imported, {} duplicates, {} failed in {} ms{}", job.id(), job.userId(),
                status, progress.imported, progress.skipped, progress.failed,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), jobError == null ? "" : " - " + jobError);
    }

    private void importMeeting(ImportJob job, JsonNode meeting, CallPublisher.Receipt receipt, Progress progress) {
        for (CallPublisher.Outcome outcome : publisher.publish(meeting, receipt)) {
            try (CallLogContext ignored = CallLogContext.of(outcome.callId(), receipt.orgId(), receipt.receivedBy())) {
                tally(job, meeting, outcome, progress);
            }
        }
    }

    private void tally(ImportJob job, JsonNode meeting, CallPublisher.Outcome outcome, Progress progress) {
        if (outcome instanceof CallPublisher.Outcome.Published published) {
            progress.imported++;
            store.count(job.id(), IMPORTED, null);
            meters.counter("imports.meetings", "outcome", "imported").increment();
            log.info("Import {} of user {} published call {}", job.id(), job.userId(), published.callId());
        } else if (outcome instanceof CallPublisher.Outcome.Duplicate) {
            progress.skipped++;
            store.count(job.id(), SKIPPED, null);
            meters.counter("imports.meetings", "outcome", "duplicate").increment();
        } else if (outcome instanceof CallPublisher.Outcome.Rejected rejected) {
            fail(job, progress, "meeting " + meetingLabel(meeting) + ": " + rejected.reason());
        } else if (outcome instanceof CallPublisher.Outcome.Failed failed) {
            fail(job, progress, "meeting " + meetingLabel(meeting) + ": " + failed.reason());
        }
    }

    private void fail(ImportJob job, Progress progress, String error) {
        progress.failed++;
        store.count(job.id(), FAILED, progress.failed <= properties.maxErrorsKept() ? error : null);
        meters.counter("imports.meetings", "outcome", "failed").increment();
        log.warn("Import {} of user {}: {}", job.id(), job.userId(), error);
    }

    private static String meetingLabel(JsonNode meeting) {
        JsonNode id = meeting.path("recording_id");
        return id.isMissingNode() || id.isNull() ? "#?" : "#" + id.asString();
    }

    /** Counts of this run, mirrored into the job document as they change. */
    private static final class Progress {
        int handled;
        int imported;
        int skipped;
        int failed;
    }
}
