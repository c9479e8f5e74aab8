package com.salesai.dashboard.calls;

import com.salesai.dashboard.projection.CallStatus;
import com.salesai.dashboard.web.BadParameterException;
import com.salesai.dashboard.web.IsoTimes;

import java.time.Instant;
import java.util.Set;

/** The validated parameters of {@code GET /api/calls}; {@link #parse} names the offending parameter. */
record CallListQuery(String status, String userId, String outcome, Instant from, Instant toExclusive,
                     Integer minScore, String q, SortField sortField, boolean descending, int page, int size) {

    static final int MAX_SIZE = 100;
    static final int DEFAULT_SIZE = 20;
    static final int MAX_Q_LENGTH = 200;
    static final Set<String> OUTCOMES = Set.of("won", "advanced", "stalled", "lost", "no_decision",
            "not_a_sales_call");

    enum SortField { STARTED_AT, OVERALL_SCORE }

    static CallListQuery parse(String status, String userId, String outcome, String from, String to,
                               String minScore, String q, String sort, String page, String size) {
        String parsedStatus = blankToNull(status);
        if (parsedStatus != null) {
            try {
                CallStatus.fromWire(parsedStatus);
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("status", "Parameter 'status' must be one of pending, evaluated, "
                        + "failed; got '" + status + "'");
            }
        }
        String parsedOutcome = blankToNull(outcome);
        if (parsedOutcome != null && !OUTCOMES.contains(parsedOutcome)) {
            throw new BadParameterException("outcome", "Parameter 'outcome' must be one of " + String.join(", ",
                    OUTCOMES.stream().sorted().toList()) + "; got '" + outcome + "'");
        }
        Instant fromInstant = blankToNull(from) == null ? null : IsoTimes.startOf("from", from);
        Instant toExclusive = blankToNull(to) == null ? null : IsoTimes.endExclusiveOf("to", to);
        if (fromInstant != null && toExclusive != null && !fromInstant.isBefore(toExclusive)) {
            throw new BadParameterException("from", "Parameter 'from' must not be after 'to'");
        }
        Integer score = blankToNull(minScore) == null ? null : intIn("minScore", minScore, 0, 100);
        String query = blankToNull(q);
        if (query != null && query.length() > MAX_Q_LENGTH) {
            throw new BadParameterException("q", "Parameter 'q' must be at most " + MAX_Q_LENGTH + " characters");
        }
        SortField sortField = SortField.STARTED_AT;
        boolean descending = true;
        if (blankToNull(sort) != null) {
            String[] parts = sort.split(",", -1);
            sortField = switch (parts[0].trim()) {
                case "startedAt" -> SortField.STARTED_AT;
                case "overallScore" -> SortField.OVERALL_SCORE;
                default -> throw new BadParameterException("sort",
                        "Parameter 'sort' must be startedAt or overallScore, optionally followed by ,asc or ,desc");
            };
            if (parts.length > 2 || (parts.length == 2 && !parts[1].trim().matches("(?i)asc|desc"))) {
                throw new BadParameterException("sort", "Parameter 'sort' direction must be asc or desc");
            }
            descending = parts.length == 1 || parts[1].trim().equalsIgnoreCase("desc");
        }
        int parsedPage = blankToNull(page) == null ? 0 : intIn("page", page, 0, Integer.MAX_VALUE);
        int parsedSize = blankToNull(size) == null ? DEFAULT_SIZE : intIn("size", size, 1, MAX_SIZE);
        return new CallListQuery(parsedStatus, blankToNull(userId), parsedOutcome, fromInstant, toExclusive, score,
                query, sortField, descending, parsedPage, parsedSize);
    }

    private static int intIn(String name, String raw, int min, int max) {
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the same message as an out-of-range value
        }
        String range = max == Integer.MAX_VALUE ? "≥ " + min : "between " + min + " and " + max;
        throw new BadParameterException(name, "Parameter '" + name + "' must be an integer " + range
                + "; got '" + raw + "'");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
