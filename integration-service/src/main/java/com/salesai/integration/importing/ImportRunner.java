package com.salesai.integration.importing;

import com.salesai.integration.fathom.FathomApiException;
import com.salesai.integration.fathom.FathomClient;
import com.salesai.integration.fathom.MeetingsPage;
import com.salesai.integration.settings.ActiveIntegration;
import com.salesai.integration.settings.IntegrationService;
import com.salesai.integration.settings.LastImport;
import com.salesai.schema.attribution.Credit;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.CallSource;
import com.salesai.schema.events.Topics;
import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.fathom.NormalizationResult;
import com.salesai.schema.fathom.NormalizedCall;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one import: pages {@code GET /meetings} (with content) until {@code requested} meetings were handled,
 * normalizes each meeting with common-schema's normalizer and publishes it as {@code CallRecorded} (source import).
 * A 429 mid-way is waited out by the client's retry. Publish first, then remember the call id: a crash in between
 * re-publishes one call on the next import, which consumers absorb (they are idempotent by callId).
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
    private final KafkaTemplate<String, Object> kafka;
    private final ImportProperties properties;
    private final MeterRegistry meters;
    private final FathomPayloadNormalizer normalizer = new FathomPayloadNormalizer();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.systemUTC();

    ImportRunner(FathomClient fathom, ImportStore store, IntegrationService integrations,
                 KafkaTemplate<String, Object> kafka, ImportProperties properties, MeterRegistry meters) {
        this.fathom = fathom;
        this.store = store;
        this.integrations = integrations;
        this.kafka = kafka;
        this.properties = properties;
        this.meters = meters;
    }

    void run(ImportJob job, ActiveIntegration integration) {
        long started = System.nanoTime();
        Progress progress = new Progress();
        ImportJob.Status status = ImportJob.Status.COMPLETED;
        String jobError = null;
        try {
            String cursor = null;
            MeetingsPage page;
            do {
                page = fathom.listMeetings(integration.apiKey(), cursor, job.createdAfter(), true);
                for (JsonNode meeting : page.items()) {
                    if (progress.handled >= job.requested()) {
                        break;
                    }
                    progress.handled++;
                    importMeeting(job, integration, meeting, progress);
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

    private void importMeeting(ImportJob job, ActiveIntegration integration, JsonNode meeting, Progress progress) {
        String label = "meeting " + meetingLabel(meeting);
        NormalizationResult result = normalizer.normalize(json.writeValueAsBytes(meeting));
        if (result instanceof NormalizationResult.Rejected rejected) {
            fail(job, progress, label + ": " + rejected.reason());
            return;
        }
        for (NormalizedCall call : ((NormalizationResult.Normalized) result).calls()) {
            String callId = call.callIdIn(integration.orgId());
            if (store.alreadyImported(callId)) {
                progress.skipped++;
                store.count(job.id(), SKIPPED, null);
                meters.counter("imports.meetings", "outcome", "duplicate").increment();
                continue;
            }
            Instant now = clock.instant();
            CallRecorded event = call.toCallRecorded(integration.orgId(),
                    new Credit(integration.userId(), Attribution.RECORDER), integration.userId(), CallSource.IMPORT, now);
            try {
                kafka.send(Topics.CALLS_RECORDED, callId, event)
                        .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrupted", e);
            } catch (ExecutionException | TimeoutException e) {
                fail(job, progress, label + ": publishing failed (" + e.getClass().getSimpleName() + ")");
                continue;
            }
            store.rememberImported(callId, integration.userId(), now);
            progress.imported++;
            store.count(job.id(), IMPORTED, null);
            meters.counter("imports.meetings", "outcome", "imported").increment();
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
