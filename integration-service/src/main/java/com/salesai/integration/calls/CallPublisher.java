package com.salesai.integration.calls;

import com.salesai.platform.kafka.AckedSender;
import com.salesai.platform.kafka.KafkaPublishException;
import com.salesai.schema.attribution.OrgRecorders;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.CallSource;
import com.salesai.schema.events.Topics;
import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.fathom.NormalizationResult;
import com.salesai.schema.fathom.NormalizedCall;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Publishes a meeting listed by Fathom (import or sync) as {@code CallRecorded}: normalized by common-schema, keyed by
 * its org-scoped call id, credited to the org member who recorded it, and skipped when the call is already known.
 * Publish first, then remember: a crash in between re-publishes one call, which consumers absorb (they are
 * idempotent by callId).
 */
@Component
public class CallPublisher {
    private final KnownCalls known;
    private final AckedSender kafka;
    private final FathomPayloadNormalizer normalizer = new FathomPayloadNormalizer();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.systemUTC();

    CallPublisher(KnownCalls known, AckedSender kafka) {
        this.known = known;
        this.kafka = kafka;
    }

    /**
     * Who brought the meetings: the member whose import or sync it is ({@code receivedBy}) in {@code orgId}, and the
     * org's recorders to credit each call to.
     */
    public record Receipt(String orgId, String receivedBy, CallSource source, OrgRecorders recorders) {
    }

    /** What became of one call of a meeting. */
    public sealed interface Outcome {
        /** The call's id; null when the meeting could not be read as a call at all. */
        String callId();

        record Published(String callId) implements Outcome {
        }

        record Duplicate(String callId) implements Outcome {
        }

        /** Not a meeting the normalizer accepts (it will not be accepted later either); no content in the reason. */
        record Rejected(String reason) implements Outcome {
            @Override
            public String callId() {
                return null;
            }
        }

        /** Kafka did not ack in time: worth another try. */
        record Failed(String callId, String reason) implements Outcome {
        }
    }

    public List<Outcome> publish(JsonNode meeting, Receipt receipt) {
        NormalizationResult result = normalizer.normalize(json.writeValueAsBytes(meeting));
        if (result instanceof NormalizationResult.Rejected rejected) {
            return List.of(new Outcome.Rejected(rejected.reason()));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (NormalizedCall call : ((NormalizationResult.Normalized) result).calls()) {
            outcomes.add(publish(call, receipt));
        }
        return outcomes;
    }

    private Outcome publish(NormalizedCall call, Receipt receipt) {
        String callId = call.callIdIn(receipt.orgId());
        if (known.contains(callId)) {
            return new Outcome.Duplicate(callId);
        }
        Instant now = clock.instant();
        CallRecorded event = call.toCallRecorded(receipt.orgId(),
                receipt.recorders().credit(call.recordedBy(), receipt.receivedBy()), receipt.receivedBy(),
                receipt.source(), now);
        try {
            kafka.send(Topics.CALLS_RECORDED, callId, event);
        } catch (KafkaPublishException e) {
            if (e.getCause() instanceof InterruptedException) {
                throw e; // the import or sync is being stopped: no use trying its next meetings
            }
            return new Outcome.Failed(callId, "publishing failed (" + e.getCause().getClass().getSimpleName() + ")");
        }
        known.remember(callId, receipt.orgId(), receipt.source().name().toLowerCase(Locale.ROOT),
                receipt.receivedBy(), now);
        return new Outcome.Published(callId);
    }
}
