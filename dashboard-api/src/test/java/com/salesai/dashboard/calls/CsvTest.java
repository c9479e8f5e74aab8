package com.salesai.dashboard.calls;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void quotesCellsHoldingCommasQuotesAndLineBreaks() {
        assertThat(Csv.text("plain")).isEqualTo("plain");
        assertThat(Csv.text("Martin, Alice")).isEqualTo("\"Martin, Alice\"");
        assertThat(Csv.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.text("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.text("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(Csv.text(null)).isEmpty();
        assertThat(Csv.number(null)).isEmpty();
        assertThat(Csv.number(42)).isEqualTo("42");
    }

    @Test
    void neutralizesCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(Csv.text("=1+1")).isEqualTo("'=1+1");
        assertThat(Csv.text("+33 6")).isEqualTo("'+33 6");
        assertThat(Csv.text("-2")).isEqualTo("'-2");
        assertThat(Csv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.text("\tx")).isEqualTo("'\tx");
        assertThat(Csv.text("\rx")).isEqualTo("\"'\rx\"");
        assertThat(Csv.text("=HYPERLINK(\"a\",\"b\")")).isEqualTo("\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"");
        assertThat(Csv.text("a=b")).isEqualTo("a=b");
    }

    @Test
    void rowsEndWithCrLf() {
        assertThat(Csv.row(List.of("a", "", "\"b,c\""))).isEqualTo("a,,\"b,c\"\r\n");
    }
}
