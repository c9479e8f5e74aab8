package com.salesai.bench.report;

import java.util.Locale;

/**
 * One measured number with its unit, its goal (null when it is context, not a target) and a short detail such as the
 * JMH error margin or the request count behind a percentile.
 */
public record Figure(String name, double value, String unit, Goal goal, String detail) {

    public static Figure of(String name, double value, String unit, Goal goal, String detail) {
        return new Figure(name, value, unit, goal, detail);
    }

    public static Figure context(String name, double value, String unit, String detail) {
        return new Figure(name, value, unit, null, detail);
    }

    /** "met", "MISSED", or "—" for a figure without a goal. */
    public String verdict() {
        if (goal == null) {
            return "—";
        }
        return goal.metBy().test(value) ? "met" : "MISSED";
    }

    public boolean missed() {
        return goal != null && !goal.metBy().test(value);
    }

    /** Three significant digits at most, no exponent: 0.0123, 1.23, 123, 12 345. */
    static String format(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value).replace(',', ' ');
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1 || magnitude == 0) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
