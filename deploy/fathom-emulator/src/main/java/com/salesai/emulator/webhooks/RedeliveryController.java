package com.salesai.emulator.webhooks;

import com.salesai.emulator.api.ApiErrors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Test controls (no API key) for Svix-like redelivery: {@code POST /emulator/redelivery {"enabled":true,
 * "delaysMillis":[200,500,1000]}} (without {@code delaysMillis}: Svix's own schedule), {@code GET
 * /emulator/redelivery}; {@code GET /emulator/deliveries/log[?webhookMessageId=msg_...]} lists attempts,
 * {@code DELETE /emulator/deliveries/log} forgets them.
 */
@RestController
class RedeliveryController {
    private final Dispatcher dispatcher;
    private final DeliveryLog log;

    RedeliveryController(Dispatcher dispatcher, DeliveryLog log) {
        this.dispatcher = dispatcher;
        this.log = log;
    }

    record Settings(Boolean enabled, List<Long> delaysMillis) {
    }

    record State(boolean enabled, List<Long> delaysMillis, int pendingRetries) {
    }

    @GetMapping("/emulator/redelivery")
    State state() {
        RedeliveryPolicy policy = dispatcher.policy();
        return new State(policy.enabled(), policy.delaysMillis(), dispatcher.pendingRetries());
    }

    @PostMapping("/emulator/redelivery")
    ResponseEntity<?> change(@RequestBody Settings settings) {
        boolean enabled = Boolean.TRUE.equals(settings.enabled());
        List<Long> delays = settings.delaysMillis() != null ? settings.delaysMillis()
                : enabled ? RedeliveryPolicy.SVIX_DELAYS : List.of();
        try {
            dispatcher.policy(new RedeliveryPolicy(enabled, delays));
        } catch (IllegalArgumentException e) {
            return ApiErrors.badRequest(e.getMessage());
        }
        return ResponseEntity.ok(state());
    }

    @GetMapping("/emulator/deliveries/log")
    List<DeliveryLog.Attempt> attempts(@RequestParam(required = false) String webhookMessageId) {
        return log.list(webhookMessageId);
    }

    @DeleteMapping("/emulator/deliveries/log")
    ResponseEntity<Void> clear() {
        log.clear();
        return ResponseEntity.noContent().build();
    }
}
