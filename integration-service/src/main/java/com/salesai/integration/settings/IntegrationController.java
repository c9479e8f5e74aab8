package com.salesai.integration.settings;

import com.salesai.integration.config.CurrentUser;
import com.salesai.integration.config.UserCallSlots;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own Fathom integration; the user is always the token's {@code sub}, never a parameter. */
@RestController
@RequestMapping("/api/integrations/fathom")
class IntegrationController {
    private final IntegrationService integrations;
    private final UserCallSlots slots;

    IntegrationController(IntegrationService integrations, UserCallSlots slots) {
        this.integrations = integrations;
        this.slots = slots;
    }

    @PutMapping
    SavedIntegration save(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody SaveIntegrationRequest request) {
        CurrentUser user = CurrentUser.from(jwt);
        try (UserCallSlots.Slot ignored = slots.take(user.userId())) {
            return integrations.save(user, request);
        }
    }

    @PatchMapping
    IntegrationView changeFathomEmail(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody FathomEmailRequest request) {
        return integrations.changeFathomEmail(CurrentUser.from(jwt).userId(), request.fathomEmail());
    }

    @GetMapping
    IntegrationView get(@AuthenticationPrincipal Jwt jwt) {
        return integrations.view(CurrentUser.from(jwt).userId());
    }

    @DeleteMapping
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt) {
        integrations.delete(CurrentUser.from(jwt).userId());
        return ResponseEntity.noContent().build();
    }
}
