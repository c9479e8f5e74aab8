package com.salesai.dashboard.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses range bounds given as an ISO date ({@code 2026-11-01}, whole UTC day) or an ISO instant. */
public final class IsoTimes {

    private static final String DATE_OR_INSTANT = "an ISO date like 2026-11-01 or an instant like 2026-11-01T09:00:00Z";

    private IsoTimes() {
    }

    public static LocalDate date(String parameter, String raw) {
        return date(parameter, raw, "an ISO date like 2026-11-01");
    }

    private static LocalDate date(String parameter, String raw, String expected) {
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(parameter, "Parameter '" + parameter + "' must be " + expected
                    + "; got '" + raw + "'");
        }
    }

    public static Instant startOf(String parameter, String raw) {
        Instant instant = instantOrNull(raw);
        return instant != null ? instant : date(parameter, raw, DATE_OR_INSTANT).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** An ISO date includes its whole day; an instant bound is taken as given. */
    public static Instant endExclusiveOf(String parameter, String raw) {
        Instant instant = instantOrNull(raw);
        return instant != null ? instant : date(parameter, raw, DATE_OR_INSTANT).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant instantOrNull(String raw) {
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
