package com.salesai.bench.dashboard;

import com.salesai.bench.ingest.JfrHotFrames;

import java.util.Locale;
import java.util.Map;

/**
 * The RESULTS.md note for missed dashboard goals, stated from the run's own figures and profiles only: queueing
 * (Little's law) per endpoint, and which JVM the execution samples were taken in and, there, the library on top.
 */
final class DashboardBounds {

    private DashboardBounds() {
    }

    static String note(int concurrency, DashboardQueryBenchmark.Measured calls,
                       DashboardQueryBenchmark.Measured byScore, DashboardQueryBenchmark.Measured summary) {
        return "**What bounds these figures** (a missed goal above), from this run's figures and profiles: "
                + endpoint(calls.name(), concurrency, calls) + " " + endpoint(byScore.name(), concurrency, byScore)
                + " " + endpoint(summary.name(), concurrency, summary);
    }

    private static String endpoint(String name, int concurrency, DashboardQueryBenchmark.Measured m) {
        double rate = m.result().requestsPerSecond();
        String queueing = String.format(Locale.ROOT, "`%s`: %d clients in a closed loop at %.3f req/s give"
                + " %.0f ms by Little's law (measured mean %.0f ms).", name, concurrency, rate,
                rate > 0 ? 1000.0 * concurrency / rate : Double.NaN, m.result().meanMillis());
        if (m.profiles() == null || m.profiles().service() == null || m.profiles().driver() == null) {
            return queueing + " Not profiled.";
        }
        JfrHotFrames service = m.profiles().service();
        JfrHotFrames driver = m.profiles().driver();
        String where = service.samples() >= driver.samples()
                ? "dashboard-api itself"
                : "the driver JVM (the MongoDB stand-in, broker and load driver), not dashboard-api";
        return queueing + String.format(Locale.ROOT, " Execution samples: dashboard-api %d (most in %s),"
                        + " driver JVM %d (most in %s), so the CPU went to %s.", service.samples(), top(service),
                driver.samples(), top(driver), where);
    }

    private static String top(JfrHotFrames frames) {
        if (frames.samples() == 0 || frames.byArea().isEmpty()) {
            return "nothing";
        }
        Map.Entry<String, Long> top = frames.byArea().get(0);
        return String.format(Locale.ROOT, "%s, %.0f %%", top.getKey(), 100.0 * top.getValue() / frames.samples());
    }
}
