package com.salesai.platform.kafka;

import java.util.List;

/**
 * Errors a retry cannot fix, declared as a bean by the service that knows them: the error handler recovers a record
 * failing with one of them (anywhere in the cause chain) at its first failure, without spending its attempts.
 * spring-kafka's own are always included: a value that cannot be converted is never retried.
 */
public record NotRetryableExceptions(List<Class<? extends Exception>> types) {
    public NotRetryableExceptions {
        types = List.copyOf(types);
    }
}
