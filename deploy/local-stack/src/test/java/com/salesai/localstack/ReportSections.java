package com.salesai.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code RELIABILITY.md} holds one generated section per suite between that suite's markers, so each suite's run
 * replaces its own section and keeps the others' (a section not there yet is appended).
 */
final class ReportSections {
    private ReportSections() {
    }

    static void write(Path file, String suite, String section) throws IOException {
        String begin = "<!-- begin " + suite + " (generated: its next run replaces this section) -->";
        String end = "<!-- end " + suite + " -->";
        String block = begin + "\n" + section.strip() + "\n" + end;
        String current = Files.exists(file) ? Files.readString(file) : "";
        int from = current.indexOf(begin);
        int to = current.indexOf(end, Math.max(from, 0));
        String updated;
        if (from >= 0 && to > from) {
            updated = current.substring(0, from) + block + current.substring(to + end.length());
        } else {
            updated = current.isBlank() ? block + "\n" : current.stripTrailing() + "\n\n" + block + "\n";
        }
        Files.writeString(file, updated);
    }
}
