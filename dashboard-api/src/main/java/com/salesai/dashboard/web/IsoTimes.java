package com.salesai.dashboard.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses range bounds given as an ISO date ({@code 2026-11-01}, whole UTC day) or an ISO instant. */
public final class IsoTimes {

    private IsoTimes() {
    }

    public static LocalDate date(String parameter, String raw) {
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(parameter, "Parameter '" + parameter
                    + "' must be an ISO date like 2026-11-01; got '" + raw + "'");
        }
    }

    public static Instant startOf(String parameter, String raw) {
        Instant instant = instantOrNull(raw);
        return instant != null ? instant : date(parameter, raw).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** An ISO date includes its whole day; an instant bound is taken as given. */
    public static Instant endExclusiveOf(String parameter, String raw) {
        Instant instant = instantOrNull(raw);
        return instant != null ? instant : date(parameter, raw).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant instantOrNull(String raw) {
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
