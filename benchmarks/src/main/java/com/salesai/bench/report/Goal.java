package com.salesai.bench.report;

import java.util.function.DoublePredicate;

/** The target a figure is judged against, e.g. "≥ 50 MB/s"; {@code source} says where the number comes from. */
public record Goal(String text, DoublePredicate metBy, String source) {

    public static Goal atLeast(double threshold, String unit, String source) {
        return new Goal("≥ " + Figure.format(threshold) + " " + unit, value -> value >= threshold, source);
    }

    public static Goal atMost(double threshold, String unit, String source) {
        return new Goal("≤ " + Figure.format(threshold) + " " + unit, value -> value <= threshold, source);
    }

    public static Goal below(double threshold, String unit, String source) {
        return new Goal("< " + Figure.format(threshold) + " " + unit, value -> value < threshold, source);
    }
}
