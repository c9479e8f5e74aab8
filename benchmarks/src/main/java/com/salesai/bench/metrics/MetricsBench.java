package com.salesai.bench.metrics;

import com.salesai.analysis.metrics.ConversationMetricsCalculator;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.ConversationMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** analysis-service's conversation metrics (talk ratio, monologues, questions, interactivity, fillers) on one hour. */
@State(Scope.Benchmark)
public class MetricsBench {
    private ConversationMetricsCalculator calculator;
    private CallRecorded call;

    @Setup
    public void prepare() {
        calculator = new ConversationMetricsCalculator();
        call = HourLongCall.create();
    }

    @Benchmark
    public ConversationMetrics compute() {
        return calculator.compute(call);
    }
}
