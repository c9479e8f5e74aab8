package com.salesai.emulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * @param apiKeys                more keys of the first user (the emulator's single-account keys before users
 *                               existed; each still sees what the first user sees)
 * @param users                  Fathom users and their keys; a user may appear under several keys (Fathom keys
 *                               belong to a user, and rate limits count per key)
 * @param requestsPerMinute      per-key limit of the external API, as Fathom's (60 / 60 s)
 * @param heavyRequestsPerMinute per-key limit of heavy requests (transcripts and summaries), as Fathom's (30 / 60 s)
 * @param pageSize               meetings per {@code GET /meetings} page
 * @param seededMeetings         meetings available from the start
 */
@ConfigurationProperties("emulator")
public record EmulatorProperties(List<String> apiKeys, List<User> users, int requestsPerMinute,
                                 int heavyRequestsPerMinute, int pageSize, int seededMeetings) {
    /** Two reps of one company, so shared recordings have someone to come from. */
    public static final List<User> DEFAULT_USERS = List.of(
            new User("emulator-api-key", "Alice Martin", "alice@acme-sales.test", "Sales"),
            new User("emulator-api-key-2", "Bob Durand", "bob@acme-sales.test", "Sales"));

    public EmulatorProperties {
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
        users = users == null || users.isEmpty() ? DEFAULT_USERS : List.copyOf(users);
        requestsPerMinute = requestsPerMinute <= 0 ? 60 : requestsPerMinute;
        heavyRequestsPerMinute = heavyRequestsPerMinute <= 0 ? 30 : heavyRequestsPerMinute;
        pageSize = pageSize <= 0 ? 10 : pageSize;
        seededMeetings = seededMeetings < 0 ? 60 : seededMeetings;
    }

    /** @param team Fathom's {@code recorded_by.team}, may be null */
    public record User(String apiKey, String name, String email, String team) {
        public User {
            if (apiKey == null || apiKey.isBlank() || email == null || !email.contains("@")) {
                throw new IllegalArgumentException("emulator.users entries need an api-key and an email");
            }
            name = name == null || name.isBlank() ? email.substring(0, email.indexOf('@')) : name;
        }
    }
}
