package com.salesai.emulator.api;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;
import java.util.Set;

/**
 * Fathom's "heavy" requests: {@code /recordings/*} (summary, transcript) and {@code /meetings} with
 * {@code include_summary} or {@code include_transcript} true (developers.fathom.ai, API overview).
 */
final class HeavyRequests {
    /** The values Spring reads as {@code true} for a boolean parameter, so the limit sees what the handler sees. */
    private static final Set<String> TRUE = Set.of("true", "on", "yes", "1");

    private HeavyRequests() {
    }

    static boolean isHeavy(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/external/v1/recordings/")) {
            return true;
        }
        return path.equals("/external/v1/meetings")
                && (isTrue(request.getParameter("include_transcript")) || isTrue(request.getParameter("include_summary")));
    }

    private static boolean isTrue(String value) {
        return value != null && TRUE.contains(value.trim().toLowerCase(Locale.ROOT));
    }
}
