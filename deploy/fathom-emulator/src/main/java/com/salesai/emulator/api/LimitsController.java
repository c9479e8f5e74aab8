package com.salesai.emulator.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test control (no API key): {@code GET /emulator/limits} shows the limits and the 429s served;
 * {@code POST /emulator/limits {"heavyPerMinute":5, "requestsPerMinute":60, "resetCounts":true,
 * "resetWindows":true}} (every field optional) changes them at run time, as Fathom lowers its heavy limit to 5 in
 * busy periods.
 */
@RestController
class LimitsController {
    private final RateLimiter limiter;

    LimitsController(RateLimiter limiter) {
        this.limiter = limiter;
    }

    record Change(Integer requestsPerMinute, Integer heavyPerMinute, Boolean resetCounts, Boolean resetWindows) {
    }

    @GetMapping("/emulator/limits")
    RateLimiter.Snapshot limits() {
        return limiter.snapshot();
    }

    @PostMapping("/emulator/limits")
    ResponseEntity<?> change(@RequestBody Change change) {
        if (change.requestsPerMinute() != null && change.requestsPerMinute() <= 0
                || change.heavyPerMinute() != null && change.heavyPerMinute() <= 0) {
            return ApiErrors.badRequest("limits must be positive");
        }
        limiter.configure(change.requestsPerMinute() == null ? 0 : change.requestsPerMinute(),
                change.heavyPerMinute() == null ? 0 : change.heavyPerMinute());
        if (Boolean.TRUE.equals(change.resetCounts())) {
            limiter.resetCounts();
        }
        if (Boolean.TRUE.equals(change.resetWindows())) {
            limiter.resetWindows();
        }
        return ResponseEntity.ok(limiter.snapshot());
    }
}
