package com.salesai.bench.endtoend;

import com.salesai.bench.report.Figure;
import com.salesai.bench.report.Section;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tally of a synthetic run and the section's verdicts. */
class EndToEndReportTest {
    private static final long MS = 1_000_000;

    @Test
    void timesAcceptedCallsFromTheirDueTimeAndCountsTheUnseenAsLost() {
        List<OpenLoopSender.Delivery> deliveries = new ArrayList<>();
        Map<String, Long> evaluated = new java.util.HashMap<>();
        Map<String, Long> pending = new java.util.HashMap<>();
        for (int i = 0; i < 100; i++) {
            long due = i * 50 * MS;
            deliveries.add(new OpenLoopSender.Delivery(i, due, due + 10 * MS, 202, List.of("c" + i)));
            pending.put("c" + i, due + (100 + i % 10) * MS);
            if (i < 97) {
                evaluated.put("c" + i, due + (300 + i) * MS);
            }
        }
        deliveries.add(new OpenLoopSender.Delivery(100, 5_000 * MS, 5_001 * MS, 404, List.of()));

        EndToEndTally tally = EndToEndTally.of(deliveries, pending, evaluated, Map.of("c97", 0L));

        assertThat(tally.sent()).isEqualTo(101);
        assertThat(tally.accepted()).isEqualTo(100);
        assertThat(tally.rejectedByStatus()).containsEntry(404, 1L);
        assertThat(tally.failed()).isEqualTo(1);
        assertThat(tally.lost()).containsExactly("c98", "c99");
        assertThat(tally.toEvaluated().successes()).isEqualTo(97);
        assertThat(tally.toEvaluated().percentileMillis(50)).isEqualTo(348.0);
        assertThat(tally.toEvaluated().percentileMillis(99)).isEqualTo(396.0);
        assertThat(tally.sendRate()).isEqualTo(20.0);
        assertThat(tally.toPending().successes()).isEqualTo(100);
        assertThat(tally.toPending().percentileMillis(50)).isBetween(104.0, 105.0);

        Section section = EndToEndReport.section(run(tally, 0, 0.5), false);
        assertThat(figure(section, "webhook → evaluated p95").verdict()).isEqualTo("met");
        assertThat(figure(section, "calls lost").value()).isEqualTo(3.0);
        assertThat(figure(section, "calls lost").missed()).isTrue();
        assertThat(section.notes()).anyMatch(note -> note.startsWith("**What bounds these figures**")
                && note.contains("most of the queue is in front of the analysis"));
        // 0.5 cores for 10 s over 100 accepted calls
        assertThat(figure(section, "CPU per call, whole stack").value()).isEqualTo(50.0);
        assertThat(figure(section, "CPU per call, whole stack").missed()).isTrue();

        // the two unseen calls turned out evaluated on the dashboard; the failed one stays lost
        Section seenLate = EndToEndReport.section(run(tally, 2, 0.5), false);
        assertThat(figure(seenLate, "calls lost").value()).isEqualTo(1.0);
    }

    @Test
    void meetsEveryGoalWhenEveryAcceptedCallIsEvaluatedInTimeOnLittleCpu() {
        List<OpenLoopSender.Delivery> deliveries = List.of(
                new OpenLoopSender.Delivery(0, 0, 5 * MS, 202, List.of("a")),
                new OpenLoopSender.Delivery(1, 50 * MS, 60 * MS, 202, List.of("b")));
        EndToEndTally tally = EndToEndTally.of(deliveries, Map.of("a", 100 * MS), Map.of("a", 400 * MS,
                "b", 1_900 * MS), Map.of());

        // 0.008 cores for 10 s over 2 calls: 40 ms each, within the 45 ms
        Section section = EndToEndReport.section(run(tally, 0, 0.008), false);

        assertThat(section.figures()).filteredOn(f -> f.goal() != null).extracting(Figure::verdict)
                .containsExactly("met", "met", "met");
        assertThat(section.notes()).noneMatch(note -> note.startsWith("**What bounds these figures**"));
    }

    private static EndToEndReport.Run run(EndToEndTally tally, int evaluatedButUnseen, double coresBusy) {
        return new EndToEndReport.Run(EndToEndSettings.QUICK, tally, evaluatedButUnseen, 100, 4096, 60_000, 500,
                900, 10.0, Map.of("analysis-service", coresBusy), "analysis-service", null, null, 12);
    }

    private static Figure figure(Section section, String name) {
        return section.figures().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
