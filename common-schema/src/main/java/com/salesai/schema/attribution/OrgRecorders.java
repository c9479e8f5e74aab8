package com.salesai.schema.attribution;

import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.Person;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The members of one organization with an active integration, by the email they record with in Fathom. A call is
 * credited to the member who recorded it ({@code recorded_by.email}, case-insensitive); a recording someone else made
 * and shared stays with the member who received it, as {@link Attribution#SHARED}.
 */
public final class OrgRecorders {
    private final Map<String, String> userIdByEmail;

    private OrgRecorders(Map<String, String> userIdByEmail) {
        this.userIdByEmail = userIdByEmail;
    }

    /** @param userIdByRecorderEmail each active member's userId keyed by their Fathom email (any case) */
    public static OrgRecorders of(Map<String, String> userIdByRecorderEmail) {
        return new OrgRecorders(userIdByRecorderEmail.entrySet().stream()
                .filter(e -> e.getKey() != null && !e.getKey().isBlank())
                .collect(Collectors.toUnmodifiableMap(e -> normalized(e.getKey()), Map.Entry::getValue,
                        (first, second) -> first.compareTo(second) <= 0 ? first : second)));
    }

    public Credit credit(Person recordedBy, String receivedBy) {
        String recorder = recordedBy == null || recordedBy.email() == null ? null
                : userIdByEmail.get(normalized(recordedBy.email()));
        return recorder != null ? new Credit(recorder, Attribution.RECORDER) : new Credit(receivedBy, Attribution.SHARED);
    }

    private static String normalized(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
