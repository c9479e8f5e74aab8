package com.salesai.schema.fathom;

import com.salesai.schema.events.Person;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lenient readers for payload fields: a missing field or one of the wrong type reads as null (or empty), so one odd
 * field never costs the whole call. All accept a null or non-object parent.
 */
final class JsonFields {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(?:\\.\\d{1,9})?");
    /** Longer than any real recording; larger values are treated as garbage rather than overflowing. */
    private static final double MAX_MINUTES = 7 * 24 * 60;

    private JsonFields() {
    }

    static JsonNode field(JsonNode parent, String name) {
        return parent == null ? null : parent.get(name);
    }

    static boolean has(JsonNode parent, String... names) {
        for (String name : names) {
            if (field(parent, name) != null) {
                return true;
            }
        }
        return false;
    }

    /** A string, stripped, or a number's text (ids are numbers in some formats, strings in others); blank is null. */
    static String text(JsonNode parent, String name) {
        return text(field(parent, name));
    }

    /** A value node as {@link #text(JsonNode, String)} reads it; null for null. */
    static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.asString();
        }
        if (!node.isString()) {
            return null;
        }
        String value = node.stringValue().strip();
        return value.isEmpty() ? null : value;
    }

    static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }

    static Boolean bool(JsonNode parent, String name) {
        JsonNode node = field(parent, name);
        if (node != null && node.isBoolean()) {
            return node.booleanValue();
        }
        String value = text(parent, name);
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        return null;
    }

    /** A finite JSON number, or null. */
    static Double number(JsonNode parent, String name) {
        JsonNode node = field(parent, name);
        return node != null && node.isNumber() && Double.isFinite(node.doubleValue()) ? node.doubleValue() : null;
    }

    static List<JsonNode> elements(JsonNode parent, String name) {
        JsonNode node = field(parent, name);
        return node != null && node.isArray() ? node.valueStream().toList() : List.of();
    }

    /** Null when neither part is known, so consumers can tell "no recorder" from "recorder without a name". */
    static Person person(JsonNode node) {
        String name = text(node, "name");
        String email = text(node, "email");
        return name == null && email == null ? null : new Person(name, email, text(node, "team"));
    }

    /** An ISO-8601 instant or offset date-time; anything else is null rather than a rejection. */
    static Instant instant(JsonNode parent, String name) {
        String value = text(parent, name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notAnOffsetDateTime) {
                return null;
            }
        }
    }

    /** Whole seconds from start to end; null when either is unknown, the end is before the start, or it overflows. */
    static Integer secondsBetween(Instant start, Instant end) {
        if (start == null || end == null || end.isBefore(start)) {
            return null;
        }
        long seconds = Duration.between(start, end).getSeconds();
        return seconds > Integer.MAX_VALUE ? null : (int) seconds;
    }

    /** Minutes as a number or a decimal string ("45.5", as legacy payloads send it) to whole seconds. */
    static Integer minutesAsSeconds(JsonNode parent, String name) {
        JsonNode node = field(parent, name);
        double minutes;
        if (node != null && node.isNumber()) {
            minutes = node.doubleValue();
        } else {
            String value = text(parent, name);
            // A strict shape keeps out "NaN", "1e9999", hex floats and other things Double.parseDouble accepts.
            if (value == null || !DECIMAL.matcher(value).matches()) {
                return null;
            }
            minutes = Double.parseDouble(value);
        }
        if (!(minutes >= 0 && minutes <= MAX_MINUTES)) {
            return null;
        }
        return (int) Math.round(minutes * 60);
    }

    /** A recording offset: "HH:MM:SS", "MM:SS", or a number of seconds. */
    static Integer clockSeconds(JsonNode parent, String name) {
        JsonNode node = field(parent, name);
        if (node != null && node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0) {
            return node.intValue();
        }
        String value = text(parent, name);
        return value == null ? null : clockSeconds(value);
    }

    /**
     * "H:MM:SS" (1-3 digits of hours, 1-2 of minutes) or "M:SS" (1-2 digits of minutes), seconds always two digits;
     * null for anything else or out-of-range minutes and seconds. By hand: it runs for every transcript entry.
     */
    static Integer clockSeconds(String value) {
        int firstColon = value.indexOf(':');
        int secondColon = firstColon < 0 ? -1 : value.indexOf(':', firstColon + 1);
        if (firstColon < 0 || secondColon >= 0 && value.indexOf(':', secondColon + 1) >= 0) {
            return null;
        }
        boolean withHours = secondColon >= 0;
        int minutesStart = withHours ? firstColon + 1 : 0;
        int minutesEnd = withHours ? secondColon : firstColon;
        int hours = withHours ? digits(value, 0, firstColon, 3) : 0;
        int minutes = digits(value, minutesStart, minutesEnd, 2);
        int seconds = value.length() - minutesEnd - 1 == 2 ? digits(value, minutesEnd + 1, value.length(), 2) : -1;
        if (hours < 0 || minutes < 0 || seconds < 0 || seconds > 59 || withHours && minutes > 59) {
            return null;
        }
        return hours * 3600 + minutes * 60 + seconds;
    }

    /** The number written by 1 to {@code maxDigits} ASCII digits from {@code start} to {@code end}; -1 otherwise. */
    private static int digits(String value, int start, int end, int maxDigits) {
        if (end <= start || end - start > maxDigits) {
            return -1;
        }
        int number = 0;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    /** The part after the last '@', lower-cased; null when the address has none. */
    static String domainOf(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at < 0 || at == email.length() - 1 ? null : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
