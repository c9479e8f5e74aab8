package com.salesai.bench.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsWriterTest {

    @Test
    void rendersMachineDateFiguresBesideGoalsNotesAndPendingWork() {
        Section section = new Section("Ingest", "How it was measured.", List.of(
                Figure.of("ratio", 42.5, "%", Goal.atLeast(50, "% of bare", "issue 9"), ""),
                Figure.of("p99", 12.3, "ms", Goal.below(50, "ms", "issue 9"), "1000 requests"),
                Figure.context("throughput", 1234.5, "req/s", "")), List.of("Bound by the broker."));
        MachineInfo machine = new MachineInfo(2, 8L << 30, "Test CPU", "Linux", "OpenJDK 17", 3.0);

        String md = ResultsWriter.render(machine, ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
                Duration.ofSeconds(75), "Other builds shared the CPU.", List.of(section), List.of("metrics JMH"));

        assertThat(md).contains("| date | 2026-01-02T03:04:05Z |", "2 cores (Test CPU), 8.0 GiB memory",
                "OpenJDK 17", "1 min 15 s", "> Other builds shared the CPU.",
                "| Ingest | ratio | 42.5 % | ≥ 50.0 % of bare | MISSED |",
                "| Ingest | p99 | 12.3 ms | < 50.0 ms | met |",
                "| throughput | 1 235 req/s | — | — |", "Bound by the broker.",
                "## Not measured yet (TODO)", "- metrics JMH");
        assertThat(section.anyMissed()).isTrue();
    }
}
