package com.salesai.integration.settings;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether the email recordings are credited by appears as {@code recorded_by.email} among the key's recent
 * meetings. A mismatch would make every call the user records look like someone else's shared recording, so it is
 * shown as a warning. {@code recorderEmailSeen} is null while no meeting was seen (nothing to judge by).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RecorderCheck(Boolean recorderEmailSeen, List<String> recorderEmailsSeen, String fathomEmailWarning) {
    /** Distinct recorders kept: enough to recognise one's own address, not a directory of the org. */
    static final int MAX_EMAILS_KEPT = 10;

    static RecorderCheck of(String recorderEmail, List<String> emailsSeen) {
        if (emailsSeen.isEmpty()) {
            return new RecorderCheck(null, emailsSeen, null);
        }
        boolean seen = recorderEmail != null && emailsSeen.contains(normalized(recorderEmail));
        return new RecorderCheck(seen, emailsSeen, seen ? null : "None of the recent meetings of this Fathom key was"
                + " recorded by " + (recorderEmail == null ? "your email" : recorderEmail.strip())
                + "; calls are credited by the recorder's email, so the ones you record under another address would"
                + " count as shared. Correct fathomEmail if you record with one of: " + String.join(", ", emailsSeen));
    }

    /** The distinct, lower-cased recorder emails of some meetings, at most {@link #MAX_EMAILS_KEPT}. */
    static List<String> distinct(Collection<String> emails) {
        return emails.stream().filter(Objects::nonNull).map(RecorderCheck::normalized).filter(e -> !e.isEmpty())
                .distinct().limit(MAX_EMAILS_KEPT).toList();
    }

    static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
