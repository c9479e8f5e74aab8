package com.salesai.bench.scaling;

import com.salesai.bench.report.Figure;
import com.salesai.bench.report.Section;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.EventJson;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Speed-ups against the derived goal, and the produced calls. */
class ScalingReportTest {

    @Test
    void speedUpIsThroughputOverOneInstanceJudgedAgainstEightyPercentOfLinear() {
        List<ScalingReport.Step> steps = List.of(new ScalingReport.Step(1, 96, 48.0, 20_000, 0.1),
                new ScalingReport.Step(2, 96, 25.0, 25_000, 0.2), new ScalingReport.Step(4, 96, 20.0, 40_000, 0.4));

        Section section = ScalingReport.section(ScalingSettings.FULL, steps, null, null, false);

        Figure two = figure(section, "speed-up with 2 instances");
        Figure four = figure(section, "speed-up with 4 instances");
        assertThat(two.value()).isEqualTo(1.92);
        assertThat(two.verdict()).isEqualTo("met");
        assertThat(four.value()).isEqualTo(2.4);
        assertThat(four.verdict()).isEqualTo("MISSED");
        assertThat(four.goal().text()).isEqualTo("≥ 3.20 ×");
        assertThat(figure(section, "throughput, 1 instance(s)").value()).isEqualTo(2.0);
        assertThat(section.notes()).anyMatch(note -> note.startsWith("**What bounds these figures**"));
    }

    @Test
    void instanceCountsThatDidNotRunAreMissedWithTheReason() {
        List<ScalingReport.Step> steps = List.of(new ScalingReport.Step(1, 72, 36.0, 20_000, 0.1));

        Section section = ScalingReport.section(ScalingSettings.FULL, steps, "2 instances: not ready", null, false);

        assertThat(figure(section, "speed-up with 2 instances").verdict()).isEqualTo("MISSED");
        assertThat(figure(section, "speed-up with 4 instances").detail())
                .isEqualTo("did not run: 2 instances: not ready");
    }

    @Test
    void callsAreDistinctPerRunShortAndReadableAsEvents() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 96).forEach(n -> ids.add(ShortCalls.call(n, "k1").callId()));
        assertThat(ids).hasSize(96);
        assertThat(ShortCalls.call(0, "k1").callId()).isNotEqualTo(ShortCalls.call(0, "k2").callId());

        CallRecorded call = ShortCalls.call(5, "k1");
        CallRecorded read = EventJson.mapper().readValue(EventJson.mapper().writeValueAsBytes(call),
                CallRecorded.class);
        assertThat(read.transcript()).hasSize(ShortCalls.SEGMENTS);
        assertThat(read.callId()).isEqualTo(call.callId());
    }

    @Test
    void callsMustSpreadEvenlyOverThePartitions() {
        assertThatThrownBy(() -> new ScalingSettings(List.of(1), 12, 100, java.time.Duration.ofMillis(1),
                java.time.Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Figure figure(Section section, String name) {
        return section.figures().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
