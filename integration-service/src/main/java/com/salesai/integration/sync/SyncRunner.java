package com.salesai.integration.sync;

import com.salesai.integration.calls.CallPublisher;
import com.salesai.integration.fathom.Caller;
import com.salesai.integration.fathom.FathomApiException;
import com.salesai.integration.fathom.FathomClient;
import com.salesai.integration.fathom.MeetingsPage;
import com.salesai.integration.importing.ImportService;
import com.salesai.integration.settings.ActiveIntegration;
import com.salesai.integration.settings.IntegrationService;
import com.salesai.integration.settings.LastSync;
import com.salesai.platform.observability.CallLogContext;
import com.salesai.schema.events.CallSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One catch-up sync of one integration: pages the meetings created since the watermark (less the overlap), with
 * content, and publishes those no one published yet as {@code CallRecorded} (source sync), credited like imports.
 * It gives way to the user's import (stops, the next run resumes) and takes permits as {@link Caller#SYNC}, which
 * leaves a reserve to users' requests.
 */
@Component
class SyncRunner {
    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

    private final FathomClient fathom;
    private final IntegrationService integrations;
    private final ImportService imports;
    private final CallPublisher publisher;
    private final SyncProperties properties;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    SyncRunner(FathomClient fathom, IntegrationService integrations, ImportService imports, CallPublisher publisher,
               SyncProperties properties, MeterRegistry meters) {
        this.fathom = fathom;
        this.integrations = integrations;
        this.imports = imports;
        this.publisher = publisher;
        this.properties = properties;
        this.meters = meters;
    }

    enum Outcome { COMPLETED, YIELDED, FAILED }

    record Result(Outcome outcome, Instant watermark, int recovered) {
    }

    Result run(ActiveIntegration integration, Instant storedWatermark) {
        Instant now = clock.instant();
        SyncWindow window = new SyncWindow(integration.syncStart(), storedWatermark, now, properties.settle());
        CallPublisher.Receipt receipt = new CallPublisher.Receipt(integration.orgId(), integration.userId(),
                CallSource.SYNC, integrations.orgRecorders(integration.orgId()));
        List<String> recorders = new ArrayList<>();
        int listed = 0;
        int recovered = 0;
        boolean listedToTheEnd = false;
        Outcome outcome = Outcome.COMPLETED;
        try {
            String cursor = null;
            while (true) {
                if (imports.running(integration.userId())) {
                    outcome = Outcome.YIELDED;
                    break;
                }
                MeetingsPage page = fathom.listMeetings(integration.apiKey(), Caller.SYNC, cursor,
                        window.createdAfter(properties.overlap()), true);
                for (JsonNode meeting : page.items()) {
                    if (listed++ >= properties.maxMeetings()) {
                        break;
                    }
                    JsonNode recorder = meeting.path("recorded_by").path("email");
                    recorders.add(recorder.isString() ? recorder.asString() : null);
                    recovered += handle(meeting, window, receipt);
                }
                cursor = page.nextCursor();
                if (listed >= properties.maxMeetings()) {
                    // More than a run may take: move on anyway, or every run would redo the same newest ones.
                    log.warn("Sync of user {} stopped at {} meetings; older ones are left to an import",
                            integration.userId(), properties.maxMeetings());
                    listedToTheEnd = true;
                    break;
                }
                if (!page.hasNext() || page.items().isEmpty()) {
                    listedToTheEnd = true;
                    break;
                }
            }
        } catch (FathomApiException e) {
            outcome = Outcome.FAILED;
            log.warn("Sync of user {} stopped: {}", integration.userId(), e.getMessage());
        }
        Instant watermark = window.nextWatermark(listedToTheEnd);
        if (outcome == Outcome.COMPLETED) {
            integrations.recordLastSync(integration.userId(), new LastSync(now, recovered), recorders);
        }
        meters.counter("fathom.sync.runs", "outcome", outcome.name().toLowerCase()).increment();
        log.info("Sync of user {} {}: {} meetings listed, {} recovered, watermark {}", integration.userId(),
                outcome, Math.min(listed, properties.maxMeetings()), recovered, watermark);
        return new Result(outcome, watermark, recovered);
    }

    /** @return the number of calls recovered from this meeting */
    private int handle(JsonNode meeting, SyncWindow window, CallPublisher.Receipt receipt) {
        Instant createdAt = createdAt(meeting);
        if (window.decide(createdAt) != SyncWindow.Decision.PUBLISH) {
            return 0;
        }
        int recovered = 0;
        boolean failed = false;
        for (CallPublisher.Outcome outcome : publisher.publish(meeting, receipt)) {
            try (CallLogContext ignored = CallLogContext.of(outcome.callId(), receipt.orgId(), receipt.receivedBy())) {
                if (outcome instanceof CallPublisher.Outcome.Published published) {
                    recovered++;
                    meters.counter("fathom.sync.recovered").increment();
                    log.info("Sync of user {} recovered call {}", receipt.receivedBy(), published.callId());
                } else if (outcome instanceof CallPublisher.Outcome.Rejected rejected) {
                    log.warn("Sync of user {}: meeting rejected: {}", receipt.receivedBy(), rejected.reason());
                } else if (outcome instanceof CallPublisher.Outcome.Failed notPublished) {
                    failed = true;
                    log.warn("Sync of user {}: meeting not published: {}", receipt.receivedBy(),
                            notPublished.reason());
                }
            }
        }
        if (failed) {
            window.failed(createdAt);
        } else {
            window.handled(createdAt);
        }
        return recovered;
    }

    private static Instant createdAt(JsonNode meeting) {
        JsonNode created = meeting.path("created_at");
        if (!created.isString()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(created.asString()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
