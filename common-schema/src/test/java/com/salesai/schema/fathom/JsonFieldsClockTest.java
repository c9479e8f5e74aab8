package com.salesai.schema.fathom;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written clock reader against the regex it replaced. */
class JsonFieldsClockTest {
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})");

    @Test
    void readsClocksExactlyAsTheRegexDid() {
        assertThat(JsonFields.clockSeconds("1:02:03")).isEqualTo(3723);
        assertThat(JsonFields.clockSeconds("123:59:59")).isEqualTo(123 * 3600 + 59 * 60 + 59);
        assertThat(JsonFields.clockSeconds("99:59")).isEqualTo(99 * 60 + 59);
        assertThat(JsonFields.clockSeconds("123:45")).isNull();
        assertThat(JsonFields.clockSeconds("1:60:00")).isNull();
        char[] alphabet = {'0', '1', '5', '6', '9', ':', ':', 'a', ' ', '٣'};
        Random random = new Random(11);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(11);
            for (int i = 0; i < length; i++) {
                value.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(JsonFields.clockSeconds(value.toString())).as("clock [%s]", value)
                    .isEqualTo(regexClock(value.toString()));
        }
    }

    private static Integer regexClock(String value) {
        Matcher clock = CLOCK.matcher(value);
        if (!clock.matches()) {
            return null;
        }
        int hours = clock.group(1) == null ? 0 : Integer.parseInt(clock.group(1));
        int minutes = Integer.parseInt(clock.group(2));
        int seconds = Integer.parseInt(clock.group(3));
        if (seconds > 59 || (clock.group(1) != null && minutes > 59)) {
            return null;
        }
        return hours * 3600 + minutes * 60 + seconds;
    }
}
