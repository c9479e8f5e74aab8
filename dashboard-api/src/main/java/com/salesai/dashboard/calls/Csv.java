package com.salesai.dashboard.calls;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV cells and rows (RFC 4180: comma-separated, CRLF line ends, a cell holding a comma, a quote, CR or LF is
 * quoted with its quotes doubled). A text cell that a spreadsheet would run as a formula (it starts with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or CR: OWASP's CSV injection list) gets a leading {@code '}, which spreadsheets
 * show as text. The web pages' {@code js/csv.js} applies the same rules to the rep table.
 */
final class Csv {

    /**
     * Excel decodes a CSV without a byte order mark in the Windows code page, which garbles the accented names and
     * titles these calls are full of; with it, Excel, Numbers, LibreOffice and Google Sheets all read UTF-8.
     */
    static final String BOM = "\uFEFF";
    static final String LINE_END = "\r\n";

    private Csv() {
    }

    /** A text cell, neutralized and quoted as needed; null is an empty cell. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    /** A number cell (a plain number is never run as a formula); null is an empty cell. */
    static String number(Number value) {
        return value == null ? "" : value.toString();
    }

    /** One line of already encoded cells, with its CRLF. */
    static String row(List<String> cells) {
        return cells.stream().collect(Collectors.joining(",", "", LINE_END));
    }
}
