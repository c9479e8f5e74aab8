package com.salesai.emulator.webhooks;

import java.time.Instant;
import java.util.List;

/** A webhook created through {@code POST /external/v1/webhooks}; {@code apiKey} is the owner. */
record Registration(String id, String apiKey, String destinationUrl, String secret, boolean includeTranscript,
                    boolean includeSummary, boolean includeActionItems, boolean includeCrmMatches,
                    List<String> triggeredFor, Instant createdAt) {
    @Override
    public String toString() {
        return "Registration[id=" + id + ", destinationUrl=" + destinationUrl + "]";
    }
}
