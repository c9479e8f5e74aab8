package com.salesai.integration.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param maxErrorsKept   errors listed on a job (the count keeps going)
 * @param lockTtl         after this a user's import lock counts as abandoned (a crashed instance) and is taken over
 */
@ConfigurationProperties("app.importing")
record ImportProperties(int maxErrorsKept, Duration lockTtl) {
    ImportProperties {
        maxErrorsKept = maxErrorsKept <= 0 ? 20 : maxErrorsKept;
        lockTtl = lockTtl == null ? Duration.ofMinutes(30) : lockTtl;
    }
}
