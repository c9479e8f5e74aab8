package com.salesai.bench.ingest;

import com.salesai.bench.report.Figure;

import java.util.ArrayList;
import java.util.List;

/** The RESULTS.md notes for missed ingest goals: what bounds the figure on this set-up and what would move it. */
final class IngestBounds {

    private IngestBounds() {
    }

    static List<String> notes(List<Figure> figures, IngestThroughputBenchmark.Measured ingest,
                              IngestThroughputBenchmark.Measured bare) {
        List<String> notes = new ArrayList<>();
        if (figures.stream().noneMatch(Figure::missed)) {
            return notes;
        }
        notes.add("**Why a goal is missed**: to be written from the profile above.");
        return notes;
    }
}
