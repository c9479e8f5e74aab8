package com.salesai.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Fathom's second limit: 30 heavy requests / 60 s per key, which Fathom may lower to 5 (API overview). */
@SeededEmulatorTest
class RateLimitTest {
    @LocalServerPort
    int port;

    EmulatorHttp http() {
        return new EmulatorHttp(port);
    }

    @AfterEach
    void restoreLimits() {
        http().post("/emulator/limits", null, "{\"requestsPerMinute\":60,\"heavyPerMinute\":30}");
    }

    @Test
    void thirtyHeavyRequestsAMinuteThenPlainText429() {
        long heavyBefore = limits().path("throttledHeavy").asLong();
        for (int i = 1; i <= 30; i++) {
            HttpResponse<String> ok = http().get("/external/v1/recordings/100000/transcript", "heavy-test-key");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("RateLimit-Limit")).as("the tighter window").contains("30");
            assertThat(ok.headers().firstValue("RateLimit-Remaining")).contains(Integer.toString(30 - i));
        }
        HttpResponse<String> refused = http().get("/external/v1/meetings?include_transcript=true", "heavy-test-key");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(refused.body()).contains("maximum of 30 heavy");

        HttpResponse<String> light = http().get("/external/v1/meetings?include_action_items=true", "heavy-test-key");
        assertThat(light.statusCode()).as("light requests keep their own budget").isEqualTo(200);
        assertThat(light.headers().firstValue("RateLimit-Limit")).contains("60");
        assertThat(light.headers().firstValue("RateLimit-Remaining")).contains("28");
        assertThat(light.headers().firstValue("Retry-After")).isEmpty();
        assertThat(limits().path("throttledHeavy").asLong()).isEqualTo(heavyBefore + 1);
    }

    @Test
    void aTestCanLowerTheHeavyLimitToFive() {
        JsonNode lowered = http().json(http().post("/emulator/limits", null, "{\"heavyPerMinute\":5}"));
        assertThat(lowered.path("heavyPerMinute").asInt()).isEqualTo(5);
        assertThat(lowered.path("requestsPerMinute").asInt()).isEqualTo(60);
        long throttledBefore = lowered.path("throttled").asLong();

        for (int i = 0; i < 5; i++) {
            assertThat(http().get("/external/v1/meetings?include_summary=true", "lowered-test-key").statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> sixth = http().get("/external/v1/meetings?include_summary=true", "lowered-test-key");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("RateLimit-Limit")).contains("5");
        assertThat(sixth.body()).contains("maximum of 5 heavy");
        assertThat(http().get("/external/v1/meetings", "lowered-test-key").statusCode()).isEqualTo(200);
        assertThat(limits().path("throttled").asLong()).isEqualTo(throttledBefore + 1);
        assertThat(limits().path("heavyPerMinute").asInt()).isEqualTo(5);
    }

    @Test
    void aHeavyRequestShowsTheGlobalWindowWhenThatOneIsTighter() {
        for (int i = 0; i < 50; i++) {
            http().get("/external/v1/meetings", "tight-test-key");
        }
        HttpResponse<String> heavy = http().get("/external/v1/recordings/100001/summary", "tight-test-key");
        assertThat(heavy.statusCode()).isEqualTo(200);
        assertThat(heavy.headers().firstValue("RateLimit-Limit")).contains("60");
        assertThat(heavy.headers().firstValue("RateLimit-Remaining")).contains("9");
        assertThat(Long.parseLong(heavy.headers().firstValue("RateLimit-Reset").orElseThrow())).isBetween(1L, 60L);
    }

    private JsonNode limits() {
        return http().json(http().get("/emulator/limits", null));
    }
}
