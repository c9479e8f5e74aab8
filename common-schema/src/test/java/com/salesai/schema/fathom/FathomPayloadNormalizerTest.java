package com.salesai.schema.fathom;

import com.salesai.schema.events.Person;
import com.salesai.schema.events.SourceFormat;
import com.salesai.schema.events.TranscriptSegment;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.salesai.schema.fathom.Payloads.call;
import static com.salesai.schema.fathom.Payloads.calls;
import static com.salesai.schema.fathom.Payloads.rejection;
import static com.salesai.schema.fathom.Payloads.resource;
import static org.assertj.core.api.Assertions.assertThat;

class FathomPayloadNormalizerTest {

    private static final String LEGACY = resource("seed-legacy-flat.json");
    private static final String NESTED = resource("seed-nested.json");

    @Test
    void legacyFlatSeed() {
        NormalizedCall call = call(LEGACY);

        assertThat(call.sourceFormat()).isEqualTo(SourceFormat.LEGACY_FLAT);
        assertThat(call.title()).isEqualTo("Discovery call with Globex");
        assertThat(call.recordedBy()).isEqualTo(new Person("Rep One", "rep@acme.com"));
        assertThat(call.durationSeconds()).isEqualTo(2730);
        assertThat(call.shareUrl()).isEqualTo("https://fathom.video/share/abc123");
        assertThat(call.transcriptPlaintext()).isEqualTo("...");
        assertThat(call.transcript()).isEmpty();
        assertThat(call.fathomRecordingId()).isNull();
    }

    @Test
    void nestedSeed() {
        NormalizedCall call = call(NESTED);

        assertThat(call.sourceFormat()).isEqualTo(SourceFormat.NESTED);
        assertThat(call.fathomRecordingId()).isEqualTo("123456789");
        assertThat(call.title()).isEqualTo("Discovery call with Globex");
        assertThat(call.recordedBy()).isEqualTo(new Person("Rep One", "rep@acme.com"));
        assertThat(call.durationSeconds()).isEqualTo(2730);
        assertThat(call.shareUrl()).isEqualTo("https://fathom.video/share/abc123");
        assertThat(call.scheduledStartTime()).isEqualTo(Instant.parse("2025-03-04T14:00:00Z"));
        assertThat(call.transcriptPlaintext()).isEqualTo("...");
    }

    @Test
    void dataWrappedSeedReadsLikeTheNestedPayloadItWraps() {
        NormalizedCall call = call(resource("seed-data-wrapped.json"));

        assertThat(call.sourceFormat()).isEqualTo(SourceFormat.DATA_WRAPPED);
        assertThat(call.title()).isEqualTo("Discovery call with Globex");
        assertThat(call.recordedBy().email()).isEqualTo("rep@acme.com");
        assertThat(call.durationSeconds()).isEqualTo(2730);
        assertThat(call.shareUrl()).isEqualTo("https://fathom.video/share/abc123");
        assertThat(call).usingRecursiveComparison().ignoringFields("sourceFormat").isEqualTo(call(NESTED));
    }

    @Test
    void legacyAcceptsCorrectSpellingNumericDurationAndOptionalFields() {
        NormalizedCall call = call("""
                {"fathom_user_email":"rep@acme.com","meeting_title":"Demo","recording_duration_in_minutes":30,
                 "recording_id":42,"meeting_scheduled_start_time":"2025-03-04T15:00:00+01:00",
                 "transcript_plaintext":"Rep: Hello\\nClient: Hi there\\nand welcome"}""");

        assertThat(call.recordedBy()).isEqualTo(new Person(null, "rep@acme.com"));
        assertThat(call.durationSeconds()).isEqualTo(1800);
        assertThat(call.fathomRecordingId()).isEqualTo("42");
        assertThat(call.scheduledStartTime()).isEqualTo(Instant.parse("2025-03-04T14:00:00Z"));
        assertThat(call.transcript()).containsExactly(
                new TranscriptSegment("Rep", null, "Hello", null),
                new TranscriptSegment("Client", null, "Hi there and welcome", null));
    }

    @Test
    void badTimestampsAndDurationsReadAsNullInsteadOfRejecting() {
        NormalizedCall call = call("""
                {"meeting_title":"Demo","meeting_scheduled_start_time":"yesterday",
                 "recording_duration_in_minutes":"NaN"}""");

        assertThat(call.sourceFormat()).isEqualTo(SourceFormat.LEGACY_FLAT);
        assertThat(call.scheduledStartTime()).isNull();
        assertThat(call.durationSeconds()).isNull();
    }

    @Test
    void fathomMeetingWithOnlyMeetingTitleIsNotMistakenForLegacy() {
        NormalizedCall call = call("{\"meeting_title\":\"Demo\",\"recording_id\":7,\"url\":\"https://fathom.video/calls/7\"}");

        assertThat(call.sourceFormat()).isEqualTo(SourceFormat.FATHOM_MEETING);
        assertThat(call.title()).isEqualTo("Demo");
    }

    @Test
    void arrayOfTwoElementsGivesTwoCallsInOrder() {
        List<NormalizedCall> calls = calls("[" + LEGACY + "," + NESTED + "]");

        assertThat(calls).extracting(NormalizedCall::sourceFormat)
                .containsExactly(SourceFormat.LEGACY_FLAT, SourceFormat.NESTED);
    }

    @Test
    void dataWrappedArrayGivesAllItsCalls() {
        String inner = "[" + LEGACY + "," + NESTED + "]";
        String body = "{\"data\":" + Payloads.JSON.writeValueAsString(inner) + "}";

        assertThat(calls(body)).extracting(NormalizedCall::sourceFormat)
                .containsExactly(SourceFormat.DATA_WRAPPED, SourceFormat.DATA_WRAPPED);
    }

    @Test
    void anInvalidElementRejectsTheWholeBodyNamingItsIndex() {
        assertThat(rejection("[" + LEGACY + "," + NESTED + ",{\"foo\":1}]")).isEqualTo(
                "element 2: unrecognized payload: none of the fields of a known Fathom format"
                        + " (fathom_user_emaill, fathom_user, recording_id, data ...)");
        assertThat(rejection("[" + LEGACY + ",42]")).isEqualTo("element 1: expected a JSON object, got number");
    }

    @Test
    void knownFormatWithNothingUsableIsRejected() {
        assertThat(rejection("{\"fathom_user\":{\"email\":\"rep@acme.com\"}}"))
                .isEqualTo("nested: nothing usable: no title, no transcript and no recording id");
    }

    @Test
    void malformedJsonIsRejectedWithItsLocation() {
        assertThat(rejection("{\"meeting_title\": nope}")).startsWith("invalid JSON at line 1 column ");
        assertThat(rejection("{} {}")).startsWith("invalid JSON");
    }

    @Test
    void emptyBodiesAreRejected() {
        assertThat(rejection(new byte[0])).isEqualTo("empty body");
        assertThat(rejection((byte[]) null)).isEqualTo("empty body");
        assertThat(rejection("  \n")).isEqualTo("empty body: only whitespace");
        assertThat(rejection("[]")).isEqualTo("empty array: no calls");
        assertThat(rejection("null")).isEqualTo("expected a JSON object or an array of objects, got null");
    }

    @Test
    void dataWrappingIsOneLevelOnly() {
        assertThat(rejection("{\"data\":\"{\\\"data\\\":\\\"{}\\\"}\"}"))
                .isEqualTo("data-wrapped: nested 'data' deeper than one level");
    }

    @Test
    void dataThatIsNotJsonIsRejectedWithoutEchoingIt() {
        String reason = rejection("{\"data\":\"not json, secret transcript words\"}");

        assertThat(reason).startsWith("data-wrapped: invalid JSON at line 1 column ");
        assertThat(reason).doesNotContain("secret transcript words");
        assertThat(rejection("{\"data\":{\"id\":1}}")).isEqualTo("data-wrapped: 'data' must be a JSON string, got object");
        assertThat(rejection("{\"data\":\"\"}")).isEqualTo("data-wrapped: 'data' is empty");
    }

    @Test
    void deeplyNestedJsonIsRejectedByTheParserLimit() {
        String deep = "{\"meeting_title\":\"x\",\"extra\":" + "[".repeat(500) + "]".repeat(500) + "}";

        assertThat(rejection(deep)).startsWith("JSON exceeds parser limits: ").contains("nesting depth");
    }

    @Test
    void moreThanAThousandElementsAreRejected() {
        String body = IntStream.range(0, 1001).mapToObj(i -> LEGACY).collect(Collectors.joining(",", "[", "]"));

        assertThat(rejection(body)).isEqualTo("array has 1001 elements, more than the limit of 1000");
        assertThat(calls(IntStream.range(0, 1000).mapToObj(i -> LEGACY)
                .collect(Collectors.joining(",", "[", "]")))).hasSize(1000);
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThat(rejection(body)).isEqualTo("body is not valid UTF-8");
    }

    @Test
    void byteOrderMarkIsTolerated() {
        assertThat(call("\uFEFF" + LEGACY).title()).isEqualTo("Discovery call with Globex");
    }

    @Test
    void onlyOneByteOrderMarkIsSkippedAndNoOtherEncodingIsGuessed() {
        assertThat(rejection("\uFEFF\uFEFF" + LEGACY)).startsWith("invalid JSON at line 1 column ");
        assertThat(rejection(new byte[]{0, '{', 0, '}'})).startsWith("invalid JSON at line 1 column ");
        assertThat(rejection("\u3000\n\u2003")).isEqualTo("empty body: only whitespace");
    }

    @Test
    void invalidUtf8AnywhereInTheBodyIsRejected() {
        String valid = LEGACY.replace("Globex", "Globex \u00e9\u20ac\uD83D\uDE00");
        assertThat(call(valid).title()).contains("\u00e9\u20ac\uD83D\uDE00");
        byte[] surrogate = (LEGACY.strip().substring(0, LEGACY.strip().length() - 1) + ",\"x\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] body = java.util.Arrays.copyOf(surrogate, surrogate.length + 5);
        body[surrogate.length] = (byte) 0xED;
        body[surrogate.length + 1] = (byte) 0xA0;
        body[surrogate.length + 2] = (byte) 0x80;
        body[surrogate.length + 3] = '"';
        body[surrogate.length + 4] = '}';

        assertThat(rejection(body)).isEqualTo("body is not valid UTF-8");
    }
}
