package com.salesai.bench.report;

import java.util.List;

/**
 * What one benchmark contributes to RESULTS.md: a title, a paragraph on what was measured and how, the figures, and
 * notes (for a missed goal: what bounds the figure and what would move it).
 */
public record Section(String title, String method, List<Figure> figures, List<String> notes) {

    public Section {
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
    }

    public boolean anyMissed() {
        return figures.stream().anyMatch(Figure::missed);
    }

    /** A benchmark that could not run: the report says so instead of losing the other sections. */
    public static Section failed(String title, Exception cause) {
        return new Section(title, "Did not complete: " + cause, List.of(), List.of());
    }
}
