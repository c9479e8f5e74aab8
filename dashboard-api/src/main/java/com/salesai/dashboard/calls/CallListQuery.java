package com.salesai.dashboard.calls;

import com.salesai.dashboard.projection.CallStatus;
import com.salesai.dashboard.projection.WireValues;
import com.salesai.dashboard.web.BadParameterException;
import com.salesai.dashboard.web.IsoTimes;
import com.salesai.schema.events.Attribution;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated parameters of {@code GET /api/calls}; {@link #parse} names the offending parameter. {@code team} is
 * matched exactly (Fathom's team name), {@code reviewFlag} is one flag the call must carry.
 */
record CallListQuery(String status, String userId, String outcome, Instant from, Instant toExclusive,
                     Integer minScore, String q, String attribution, String team, String reviewFlag,
                     SortField sortField, boolean descending, int page, int size) {

    static final int MAX_SIZE = 100;
    static final int DEFAULT_SIZE = 20;
    static final int MAX_Q_LENGTH = 200;
    static final int MAX_TEAM_LENGTH = 200;
    static final Set<String> OUTCOMES = Set.of("won", "advanced", "stalled", "lost", "no_decision",
            "not_a_sales_call");
    static final List<String> STATUSES = Arrays.stream(CallStatus.values()).map(CallStatus::wire).toList();
    static final List<String> ATTRIBUTIONS = Arrays.stream(Attribution.values()).map(WireValues::of).toList();
    private static final Pattern FLAG = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** By start time, by the AI's overall score, or by the score that counts (a review's where there is one). */
    enum SortField { STARTED_AT, OVERALL_SCORE, EFFECTIVE_SCORE }

    /** @param params the raw query parameters by name; absent ones may be missing or null */
    static CallListQuery parse(Map<String, String> params) {
        String status = oneOf(params, "status", STATUSES);
        String outcome = oneOf(params, "outcome", OUTCOMES.stream().sorted().toList());
        String attribution = oneOf(params, "attribution", ATTRIBUTIONS);
        String from = blankToNull(params.get("from"));
        String to = blankToNull(params.get("to"));
        Instant fromInstant = from == null ? null : IsoTimes.startOf("from", from);
        Instant toExclusive = to == null ? null : IsoTimes.endExclusiveOf("to", to);
        if (fromInstant != null && toExclusive != null && !fromInstant.isBefore(toExclusive)) {
            throw new BadParameterException("from", "Parameter 'from' must not be after 'to'");
        }
        String minScore = blankToNull(params.get("minScore"));
        Integer score = minScore == null ? null : intIn("minScore", minScore, 0, 100);
        String query = atMost(params, "q", MAX_Q_LENGTH);
        String team = atMost(params, "team", MAX_TEAM_LENGTH);
        String reviewFlag = blankToNull(params.get("reviewFlag"));
        if (reviewFlag != null && !FLAG.matcher(reviewFlag).matches()) {
            throw new BadParameterException("reviewFlag", "Parameter 'reviewFlag' must be a flag name such as "
                    + "possible_prompt_injection; got '" + reviewFlag + "'");
        }
        SortField sortField = SortField.STARTED_AT;
        boolean descending = true;
        String sort = blankToNull(params.get("sort"));
        if (sort != null) {
            String[] parts = sort.split(",", -1);
            sortField = switch (parts[0].trim()) {
                case "startedAt" -> SortField.STARTED_AT;
                case "overallScore" -> SortField.OVERALL_SCORE;
                case "effectiveScore" -> SortField.EFFECTIVE_SCORE;
                default -> throw new BadParameterException("sort", "Parameter 'sort' must be startedAt, overallScore "
                        + "or effectiveScore, optionally followed by ,asc or ,desc");
            };
            if (parts.length > 2 || (parts.length == 2 && !parts[1].trim().matches("(?i)asc|desc"))) {
                throw new BadParameterException("sort", "Parameter 'sort' direction must be asc or desc");
            }
            descending = parts.length == 1 || parts[1].trim().equalsIgnoreCase("desc");
        }
        String page = blankToNull(params.get("page"));
        String size = blankToNull(params.get("size"));
        int parsedPage = page == null ? 0 : intIn("page", page, 0, Integer.MAX_VALUE);
        int parsedSize = size == null ? DEFAULT_SIZE : intIn("size", size, 1, MAX_SIZE);
        return new CallListQuery(status, blankToNull(params.get("userId")), outcome, fromInstant, toExclusive, score,
                query, attribution, team, reviewFlag, sortField, descending, parsedPage, parsedSize);
    }

    private static String oneOf(Map<String, String> params, String name, List<String> allowed) {
        String value = blankToNull(params.get(name));
        if (value != null && !allowed.contains(value)) {
            throw new BadParameterException(name, "Parameter '" + name + "' must be one of "
                    + String.join(", ", allowed) + "; got '" + value + "'");
        }
        return value;
    }

    private static String atMost(Map<String, String> params, String name, int maxLength) {
        String value = blankToNull(params.get(name));
        if (value != null && value.length() > maxLength) {
            throw new BadParameterException(name, "Parameter '" + name + "' must be at most " + maxLength
                    + " characters");
        }
        return value;
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
