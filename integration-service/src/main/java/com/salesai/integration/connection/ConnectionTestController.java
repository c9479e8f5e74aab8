package com.salesai.integration.connection;

import com.salesai.integration.config.CurrentUser;
import com.salesai.integration.config.UserCallSlots;
import com.salesai.integration.fathom.FathomClient;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ConnectionTestController {
    private static final Logger log = LoggerFactory.getLogger(ConnectionTestController.class);
    private final ConnectionTester tester;
    private final UserCallSlots slots;

    ConnectionTestController(FathomClient fathom, UserCallSlots slots) {
        this.tester = new ConnectionTester(fathom);
        this.slots = slots;
    }

    @PostMapping("/api/integrations/fathom/test")
    ConnectionVerdict test(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ApiKeyRequest request) {
        String userId = CurrentUser.from(jwt).userId();
        try (UserCallSlots.Slot ignored = slots.take(userId)) {
            ConnectionVerdict verdict = tester.test(request.apiKey());
            log.info("Fathom connection test for user {}: success={} ({})", userId, verdict.success(),
                    verdict.message());
            return verdict;
        }
    }
}
