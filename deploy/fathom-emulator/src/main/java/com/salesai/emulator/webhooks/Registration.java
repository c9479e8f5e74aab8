package com.salesai.emulator.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A webhook created through {@code POST /external/v1/webhooks}; {@code apiKey} is the owner (its user decides
 * which recordings reach it). Immutable: a message keeps the secret of the registration it was created for.
 */
record Registration(String id, String apiKey, String destinationUrl, String secret, boolean includeTranscript,
                    boolean includeSummary, boolean includeActionItems, boolean includeCrmMatches,
                    List<String> triggeredFor, Instant createdAt) {
    Registration {
        triggeredFor = List.copyOf(triggeredFor);
    }

    boolean firesFor(Trigger trigger) {
        return triggeredFor.contains(trigger.value());
    }

    @Override
    public String toString() {
        return "Registration[id=" + id + ", destinationUrl=" + destinationUrl + "]";
    }
}
