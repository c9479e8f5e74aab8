package com.salesai.bench;

import java.util.Locale;

/** Progress lines of a benchmark run on the console, each with the time since the run began (to see where it goes). */
public final class Progress {
    private static final long START = System.nanoTime();

    private Progress() {
    }

    public static void say(String message) {
        long seconds = (System.nanoTime() - START) / 1_000_000_000;
        System.out.println(String.format(Locale.ROOT, "[bench %d:%02d] ", seconds / 60, seconds % 60) + message);
    }
}
