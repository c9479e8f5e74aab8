package com.salesai.bench.endtoend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SSE framing as dashboard-api writes it: comments, then {@code id/event/data} lines ended by a blank line. */
class StatusStreamTest {

    @Test
    void notesTheFirstEvaluatedAndFailedEventPerCallAndIgnoresEverythingElse() {
        StatusStream stream = new StatusStream();
        feed(stream, ":connected", "",
                "id:c1:pending", "event:call-status", "data:{\"callId\":\"c1\",\"status\":\"pending\"}", "",
                "id:c1:evaluated", "event:call-status", "data:{\"callId\":\"c1\",\"status\":\"evaluated\"}", "",
                "event:other", "data:{\"callId\":\"c2\",\"status\":\"evaluated\"}", "",
                "data:{\"callId\":\"c3\",\"status\":\"evaluated\"}", "",
                "event:call-status", "data:not json", "",
                "event:call-status", "data:{\"callId\":\"c4\",\"status\":\"failed\"}", "");
        long firstC1 = stream.evaluatedAt().get("c1");
        feed(stream, "event:call-status", "data:{\"callId\":\"c1\",\"status\":\"evaluated\"}", "");

        assertThat(stream.evaluatedAt()).containsOnlyKeys("c1").containsEntry("c1", firstC1);
        assertThat(stream.failedAt()).containsOnlyKeys("c4");
    }

    private static void feed(StatusStream stream, String... lines) {
        for (String line : lines) {
            stream.accept(line);
        }
    }
}
