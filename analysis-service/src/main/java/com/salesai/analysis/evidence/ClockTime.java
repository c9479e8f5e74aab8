package com.salesai.analysis.evidence;

/** Seconds from the recording start as "HH:MM:SS", the timestamp form of prompts and evidence. */
public final class ClockTime {
    private ClockTime() {
    }

    /** Built by hand because {@code String.format} per segment was a visible share of a call's CPU. */
    public static String of(long seconds) {
        if (seconds < 0) {
            return "-" + of(-seconds);
        }
        StringBuilder text = new StringBuilder(8);
        twoDigits(text, seconds / 3600).append(':');
        twoDigits(text, seconds / 60 % 60).append(':');
        return twoDigits(text, seconds % 60).toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, long value) {
        return (value < 10 ? text.append('0') : text).append(value);
    }
}
