package com.salesai.bench;

import com.salesai.bench.report.Section;

/**
 * One benchmark of {@code benchmarks/run}. Each renders its own RESULTS.md section; new ones are added to
 * {@link BenchmarkSuite#benchmarks}. A run must stay bounded in time:
 * every load is capped by a request count and a duration.
 */
public interface Benchmark {

    String title();

    Section run(RunContext context) throws Exception;
}
