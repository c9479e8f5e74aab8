package com.salesai.ingest.webhook;

import com.salesai.ingest.ConcurrentTest;
import com.salesai.ingest.IngestSpringTest;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.CallSource;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.SourceFormat;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Fathom payload format, signed, becomes one CallRecorded with the org from the integration view (each test with
 * its own user, side by side).
 */
class WebhookFormatsTest extends IngestSpringTest {

    @ConcurrentTest
    void legacyFlatPayload() {
        CallRecorded call = deliverAndRead("legacy-flat.json");
        assertThat(call.sourceFormat()).isEqualTo(SourceFormat.LEGACY_FLAT);
        assertThat(call.title()).isEqualTo("Legacy discovery with Globex");
        assertThat(call.recordedBy().email()).isEqualTo("rep@acme.com");
        assertThat(call.durationSeconds()).isEqualTo(2730);
        assertThat(call.transcript()).hasSize(3);
        assertThat(call.transcript().get(1).speaker()).isEqualTo("Claire");
    }

    @ConcurrentTest
    void nestedPayload() {
        CallRecorded call = deliverAndRead("nested.json");
        assertThat(call.sourceFormat()).isEqualTo(SourceFormat.NESTED);
        assertThat(call.title()).isEqualTo("Nested demo with Initech");
        assertThat(call.recordedBy().email()).isEqualTo("rep@acme.com");
        assertThat(call.durationSeconds()).isEqualTo(1800);
        assertThat(call.fathomRecordingId()).isEqualTo("nested-987");
        assertThat(call.transcript()).extracting(s -> s.speaker()).containsExactly("Rep One", "Bill");
    }

    @ConcurrentTest
    void dataWrappedPayload() {
        CallRecorded call = deliverAndRead("data-wrapped.json");
        assertThat(call.sourceFormat()).isEqualTo(SourceFormat.DATA_WRAPPED);
        assertThat(call.title()).isEqualTo("Wrapped follow-up with Umbrella");
        assertThat(call.recordedBy().email()).isEqualTo("rep@acme.com");
        assertThat(call.durationSeconds()).isEqualTo(750);
        assertThat(call.transcript()).hasSize(2);
    }

    @ConcurrentTest
    void fathomMeetingPayload() {
        CallRecorded call = deliverAndRead("fathom-meeting.json");
        assertThat(call.sourceFormat()).isEqualTo(SourceFormat.FATHOM_MEETING);
        assertThat(call.title()).isEqualTo("Globex x Acme - Discovery");
        assertThat(call.recordedBy().email()).isEqualTo("alice@acme.com");
        assertThat(call.durationSeconds()).isEqualTo(2730);
        assertThat(call.participants()).extracting(p -> p.email())
                .containsExactly("alice@acme.com", "bob@ACME.com", "claire@globex.fr", "dan@initech.io");
        assertThat(call.externalInviteeCount()).isEqualTo(2);
        assertThat(call.transcript()).hasSize(6);
        assertThat(call.transcript().get(5).offsetSeconds()).isEqualTo(3723);
        assertThat(call.actionItems()).hasSize(2);
        assertThat(call.language()).isEqualTo("fr");
    }

    private CallRecorded deliverAndRead(String resource) {
        TestUser user = activeUser();
        HttpResponse<String> response = client().deliver(user, payload(resource));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = EventJson.mapper().readTree(response.body());
        assertThat(body.get("duplicate").booleanValue()).isFalse();
        assertThat(body.get("callIds")).hasSize(1);
        String callId = body.get("callIds").get(0).stringValue();

        List<ConsumerRecord<String, byte[]>> records = topic(Topics.CALLS_RECORDED)
                .read(r -> callId.equals(r.key()), 1, Duration.ofSeconds(15), Duration.ZERO);
        assertThat(records).hasSize(1);
        CallRecorded call = EventJson.mapper().readValue(records.get(0).value(), CallRecorded.class);
        assertThat(call.callId()).isEqualTo(callId);
        assertThat(call.userId()).isEqualTo(user.userId());
        assertThat(call.orgId()).isEqualTo(user.orgId());
        assertThat(call.source()).isEqualTo(CallSource.WEBHOOK);
        assertThat(call.receivedAt()).isNotNull();
        return call;
    }

    static String payload(String resource) {
        try (InputStream in = WebhookFormatsTest.class.getResourceAsStream("/payloads/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
