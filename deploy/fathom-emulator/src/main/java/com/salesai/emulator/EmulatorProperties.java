package com.salesai.emulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * @param apiKeys           keys accepted in {@code X-Api-Key}
 * @param requestsPerMinute per-key limit of the external API, as Fathom's
 * @param pageSize          meetings per {@code GET /meetings} page
 * @param seededMeetings    meetings available from the start
 */
@ConfigurationProperties("emulator")
public record EmulatorProperties(List<String> apiKeys, int requestsPerMinute, int pageSize, int seededMeetings) {
    public EmulatorProperties {
        apiKeys = apiKeys == null || apiKeys.isEmpty() ? List.of("emulator-api-key") : List.copyOf(apiKeys);
        requestsPerMinute = requestsPerMinute <= 0 ? 60 : requestsPerMinute;
        pageSize = pageSize <= 0 ? 10 : pageSize;
        seededMeetings = seededMeetings < 0 ? 60 : seededMeetings;
    }
}
