package com.salesai.dashboard.summary;

import com.salesai.dashboard.web.BadParameterException;

import java.time.LocalDate;

/** The validated parameters of the summary: its date range and an optional Fathom team (exact name). */
record SummaryQuery(SummaryRange range, String team) {

    static final int MAX_TEAM_LENGTH = 200;

    static SummaryQuery parse(String from, String to, String team, LocalDate today) {
        String trimmed = team == null || team.isBlank() ? null : team.trim();
        if (trimmed != null && trimmed.length() > MAX_TEAM_LENGTH) {
            throw new BadParameterException("team", "Parameter 'team' must be at most " + MAX_TEAM_LENGTH
                    + " characters");
        }
        return new SummaryQuery(SummaryRange.parse(from, to, today), trimmed);
    }
}
