package com.salesai.ingest.webhook;

import com.salesai.ingest.LargeBodySpringTest;
import com.salesai.schema.events.TopicConfigs;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.TranscriptSegment;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At the production body limit, a signed Fathom meeting with a 5 MB transcript is accepted, and its
 * {@code CallRecorded} — more than twice that, as the transcript is carried as segments and as plaintext — is on
 * {@code calls.recorded}, read back by a consumer with default fetch sizes.
 */
class BigCallTest extends LargeBodySpringTest {
    private static final int TRANSCRIPT_BYTES = 5 * 1024 * 1024;

    @Autowired
    private TopicConfigs.Limits limits;

    @Test
    void aFiveMegabyteTranscriptIsAcceptedAndPublishedWhole() {
        assertThat(limits.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
        TestUser user = activeUser();
        Meeting meeting = meeting(TRANSCRIPT_BYTES);

        HttpResponse<String> response = client().deliver(user, meeting.json());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String callId = EventJson.mapper().readTree(response.body()).get("callIds").get(0).stringValue();
        List<ConsumerRecord<String, byte[]>> records = topic(Topics.CALLS_RECORDED)
                .read(r -> callId.equals(r.key()), 1, Duration.ofSeconds(30), Duration.ZERO);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).serializedValueSize()).as("larger than Kafka's 1 MB default")
                .isGreaterThan(TRANSCRIPT_BYTES).isLessThan(2 * TRANSCRIPT_BYTES);
        CallRecorded call = EventJson.mapper().readValue(records.get(0).value(), CallRecorded.class);
        assertThat(call.userId()).isEqualTo(user.userId());
        assertThat(call.transcript()).hasSize(meeting.segments());
        long textBytes = call.transcript().stream().map(TranscriptSegment::text)
                .mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
        assertThat(textBytes).isEqualTo(meeting.textBytes()).isGreaterThanOrEqualTo(TRANSCRIPT_BYTES);
        assertThat(call.transcriptPlaintext()).as("the transcript is carried once, as segments").isNull();
    }

    private record Meeting(String json, int segments, long textBytes) {
    }

    /** A Fathom meeting whose transcript texts add up to at least {@code bytes} UTF-8 bytes, in paragraphs of ~1 KB. */
    private static Meeting meeting(int bytes) {
        String sentence = "Nous avons évoqué le déploiement auprès des équipes régionales et le budget prévu. ";
        String paragraph = sentence.repeat(12).strip();
        int paragraphBytes = paragraph.getBytes(StandardCharsets.UTF_8).length;
        int segments = (bytes + paragraphBytes - 1) / paragraphBytes;
        StringBuilder json = new StringBuilder(bytes + segments * 160 + 1024)
                .append("{\"title\":\"Very long workshop\",\"recording_id\":987654321,")
                .append("\"share_url\":\"https://fathom.video/share/big\",")
                .append("\"recording_start_time\":\"2025-03-04T09:00:00Z\",")
                .append("\"recording_end_time\":\"2025-03-04T18:00:00Z\",\"transcript_language\":\"fr\",")
                .append("\"recorded_by\":{\"name\":\"Alice Martin\",\"email\":\"alice@acme.com\"},")
                .append("\"calendar_invitees\":[{\"name\":\"Claire Dubois\",\"email\":\"claire@globex.fr\",")
                .append("\"is_external\":true}],\"transcript\":[");
        for (int i = 0; i < segments; i++) {
            boolean rep = i % 2 == 0;
            json.append(i == 0 ? "" : ",").append("{\"speaker\":{\"display_name\":\"")
                    .append(rep ? "Alice Martin" : "Claire Dubois").append("\"},\"text\":\"").append(paragraph)
                    .append("\",\"timestamp\":\"").append(clock(i * 6)).append("\"}");
        }
        json.append("]}");
        return new Meeting(json.toString(), segments, (long) segments * paragraphBytes);
    }

    private static String clock(int seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
