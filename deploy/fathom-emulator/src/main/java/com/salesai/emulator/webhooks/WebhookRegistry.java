package com.salesai.emulator.webhooks;

import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Registered webhooks, in memory (the emulator forgets them on restart, like a fresh Fathom account). */
@Component
class WebhookRegistry {
    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();

    void add(Registration registration) {
        registrations.put(registration.id(), registration);
    }

    /** Removes the webhook if it belongs to this key. */
    Optional<Registration> remove(String id, String apiKey) {
        Registration existing = registrations.get(id);
        if (existing == null || !existing.apiKey().equals(apiKey)) {
            return Optional.empty();
        }
        registrations.remove(id);
        return Optional.of(existing);
    }

    /** Oldest first, so deliveries go out in a stable order. */
    List<Registration> all() {
        return registrations.values().stream().sorted(Comparator.comparing(Registration::createdAt)
                .thenComparing(Registration::id)).toList();
    }
}
