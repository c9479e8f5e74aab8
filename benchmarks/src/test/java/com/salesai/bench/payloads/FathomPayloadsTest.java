package com.salesai.bench.payloads;

import com.salesai.schema.events.SourceFormat;
import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.fathom.NormalizationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FathomPayloadsTest {
    private final FathomPayloadNormalizer normalizer = new FathomPayloadNormalizer();

    @Test
    void everyFormatIsAbout60KbAndNormalizesAsThatFormat() {
        for (String format : FathomPayloads.formats()) {
            byte[] body = FathomPayloads.body(format, FathomPayloads.DEFAULT_SIZE);

            assertThat(body.length).as(format).isBetween(60 * 1024, 66 * 1024);
            NormalizationResult result = normalizer.normalize(body);
            assertThat(result).as(format).isInstanceOf(NormalizationResult.Normalized.class);
            var call = ((NormalizationResult.Normalized) result).calls().get(0);
            assertThat(call.sourceFormat()).isEqualTo(format.equals("data-wrapped") ? SourceFormat.DATA_WRAPPED
                    : SourceFormat.valueOf(format.toUpperCase().replace('-', '_')));
            assertThat(call.transcript().size()).as(format + " segments").isGreaterThan(200);
        }
    }

    @Test
    void templateStampsDistinctMeetings() {
        MeetingTemplate template = FathomPayloads.meetingTemplate(FathomPayloads.DEFAULT_SIZE);

        var first = ((NormalizationResult.Normalized) normalizer.normalize(template.body(5_000_000_001L))).calls();
        var second = ((NormalizationResult.Normalized) normalizer.normalize(template.body(5_000_000_002L))).calls();

        assertThat(first.get(0).fathomRecordingId()).isEqualTo("5000000001");
        assertThat(second.get(0).fathomRecordingId()).isEqualTo("5000000002");
        assertThat(first.get(0).recordingUrl()).endsWith("/5000000001");
    }
}
