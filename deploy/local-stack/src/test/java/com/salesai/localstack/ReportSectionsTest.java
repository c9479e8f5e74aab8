package com.salesai.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportSectionsTest {
    @TempDir
    Path dir;

    @Test
    void eachSuiteReplacesOnlyItsOwnSection() throws IOException {
        Path file = dir.resolve("RELIABILITY.md");

        ReportSections.write(file, "FaultSuiteIT", "# Faults\n\nrun 1\n");
        ReportSections.write(file, "SecuritySuiteIT", "# Attacks\n\nrun 1\n");
        ReportSections.write(file, "FaultSuiteIT", "# Faults\n\nrun 2\n");
        ReportSections.write(file, "SecuritySuiteIT", "# Attacks\n\nrun 2\n");

        String text = Files.readString(file);
        assertThat(text).contains("# Faults\n\nrun 2", "# Attacks\n\nrun 2").doesNotContain("run 1");
        assertThat(text.indexOf("# Faults")).isLessThan(text.indexOf("# Attacks"));
        assertThat(text.split("<!-- begin FaultSuiteIT", -1)).hasSize(2);
        assertThat(text.split("<!-- begin SecuritySuiteIT", -1)).hasSize(2);
    }
}
