package com.salesai.dashboard.summary;

import com.salesai.dashboard.web.BadParameterException;
import com.salesai.dashboard.web.IsoTimes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The validated date range of a summary (inclusive ISO dates, UTC) and the previous period of equal length. */
record SummaryRange(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    static SummaryRange parse(String from, String to, LocalDate today) {
        LocalDate end = blank(to) ? today : IsoTimes.date("to", to);
        LocalDate start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1) : IsoTimes.date("from", from);
        if (start.isAfter(end)) {
            throw new BadParameterException("from", "Parameter 'from' (" + start + ") must not be after 'to' ("
                    + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new BadParameterException("from", "The range from 'from' to 'to' must be at most " + MAX_DAYS
                    + " days");
        }
        return new SummaryRange(start, end);
    }

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    Instant startInclusive() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant endExclusive() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    SummaryRange previous() {
        return new SummaryRange(from.minusDays(days()), from.minusDays(1));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
