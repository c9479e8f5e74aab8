package com.salesai.platform.kafka;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * Prefix {@code app.outage-retry} (env {@code OUTAGE_RETRY_INITIAL_INTERVAL}, {@code OUTAGE_RETRY_MAX_INTERVAL}): a
 * record that failed because MongoDB or the broker is unreachable is retried with this back-off for as long as the
 * outage lasts, without spending its bounded attempts, so a database or broker restart never sends a good record to
 * its DLT (nor, in analysis-service, turns a good call into {@code CallAnalysisFailed}). Processing errors keep the
 * consuming service's own bounded attempts. The partition waits meanwhile, which is the point: no record behind it
 * could be stored or published either. Bound by the platform's Kafka auto-configuration, applied to its error handler.
 */
@ConfigurationProperties("app.outage-retry")
public record OutageRetry(@DefaultValue("1s") Duration initialInterval, @DefaultValue("5s") Duration maxInterval) {

    /** Errors that say the infrastructure is unreachable for now, anywhere in the cause chain. */
    static final List<Class<? extends Throwable>> TRANSIENT = List.of(DataAccessResourceFailureException.class,
            MongoTimeoutException.class, MongoSocketException.class,
            org.apache.kafka.common.errors.TimeoutException.class, TimeoutException.class);

    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable current = t;
            if (TRANSIENT.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
        }
        return false;
    }

    /** Unbounded exponential back-off, capped at {@link #maxInterval}. */
    public BackOff backOff() {
        var backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
        backOff.setMaxInterval(maxInterval.toMillis());
        return backOff;
    }

    /**
     * The error handler's back-off per failed record: this one for an outage, otherwise {@code null} (the handler's
     * own bounded back-off). The handler starts a fresh back-off whenever the failure's type changes, so a record
     * that fails for real once the outage ends gets its full attempts.
     */
    public BiFunction<ConsumerRecord<?, ?>, Exception, BackOff> backOffFunction() {
        BackOff outage = backOff();
        return (record, error) -> isTransient(error) ? outage : null;
    }

    public void applyTo(DefaultErrorHandler handler) {
        handler.setBackOffFunction(backOffFunction());
        handler.setResetStateOnExceptionChange(true);
    }
}
