package com.salesai.bench;

/** Progress lines of a benchmark run on the console. */
public final class Progress {
    private Progress() {
    }

    public static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
