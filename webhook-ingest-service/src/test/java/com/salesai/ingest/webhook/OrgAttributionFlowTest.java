package com.salesai.ingest.webhook;

import com.salesai.ingest.ConcurrentTest;
import com.salesai.ingest.IngestSpringTest;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through HTTP, the integration topic, Mongo claims and calls.recorded: the members of one organization receive the
 * same recording through their own webhooks, and it becomes one call, credited to the member who recorded it.
 */
class OrgAttributionFlowTest extends IngestSpringTest {

    @ConcurrentTest
    void oneRecordingAtTwoMembersUrlsIsOneCallCreditedToItsRecorder() {
        String org = "org-" + UUID.randomUUID();
        TestUser alice = activeMember(org, "alice@acme.com", "Alice.Fathom@Acme.com");
        TestUser bruno = activeMember(org, "bruno@acme.com", null);
        String recording = DeliveryAttributionTest.meeting(2001, "alice.fathom@ACME.com");

        HttpResponse<String> atAlice = client().deliver(alice, recording);
        HttpResponse<String> atBruno = client().deliver(bruno, recording);

        assertThat(atAlice.statusCode()).as(atAlice.body()).isEqualTo(202);
        assertThat(atBruno.statusCode()).as(atBruno.body()).isEqualTo(200);
        JsonNode duplicate = EventJson.mapper().readTree(atBruno.body());
        assertThat(duplicate.get("duplicate").booleanValue()).isTrue();
        assertThat(duplicate.get("callIds")).isEqualTo(EventJson.mapper().readTree(atAlice.body()).get("callIds"));
        CallRecorded call = onlyRecordOf(duplicate.get("callIds").get(0).stringValue());
        assertThat(call.orgId()).isEqualTo(org);
        assertThat(call.userId()).isEqualTo(alice.userId());
        assertThat(call.attribution()).isEqualTo(Attribution.RECORDER);
        assertThat(call.receivedBy()).isEqualTo(alice.userId());
    }

    @ConcurrentTest
    void aRecordingByANonMemberStaysWithItsReceiverAndAMembersOwnIsCreditedByTheirUserEmail() {
        String org = "org-" + UUID.randomUUID();
        TestUser alice = activeMember(org, "alice@acme.com", "alice.fathom@acme.com");
        TestUser bruno = activeMember(org, "bruno@acme.com", null);

        HttpResponse<String> byPartner = client().deliver(bruno, DeliveryAttributionTest.meeting(2002,
                "pat@partner.io"));
        HttpResponse<String> byBruno = client().deliver(alice, DeliveryAttributionTest.meeting(2003,
                "Bruno@ACME.com"));

        assertThat(byPartner.statusCode()).as(byPartner.body()).isEqualTo(202);
        CallRecorded shared = onlyRecordOf(callId(byPartner));
        assertThat(shared.userId()).isEqualTo(bruno.userId());
        assertThat(shared.attribution()).isEqualTo(Attribution.SHARED);
        assertThat(shared.receivedBy()).isEqualTo(bruno.userId());
        assertThat(byBruno.statusCode()).as(byBruno.body()).isEqualTo(202);
        CallRecorded recorded = onlyRecordOf(callId(byBruno));
        assertThat(recorded.userId()).isEqualTo(bruno.userId());
        assertThat(recorded.attribution()).isEqualTo(Attribution.RECORDER);
        assertThat(recorded.receivedBy()).isEqualTo(alice.userId());
    }

    private CallRecorded onlyRecordOf(String callId) {
        List<ConsumerRecord<String, byte[]>> records = topic(Topics.CALLS_RECORDED)
                .read(r -> callId.equals(r.key()), 1, Duration.ofSeconds(15), Duration.ofSeconds(1));
        assertThat(records).hasSize(1);
        return EventJson.mapper().readValue(records.get(0).value(), CallRecorded.class);
    }

    private static String callId(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body()).get("callIds").get(0).stringValue();
    }
}
