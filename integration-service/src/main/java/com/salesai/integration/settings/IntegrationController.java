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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own Fathom integration; the user is always the token's {@code sub}, never a parameter. */
@RestController
@RequestMapping("/api/integrations/fathom")
class IntegrationController {
    private final IntegrationService integrations;
    private final UserCallSlots slots;
    private final CallsErasureRequests erasure;

    IntegrationController(IntegrationService integrations, UserCallSlots slots, CallsErasureRequests erasure) {
        this.integrations = integrations;
        this.slots = slots;
        this.erasure = erasure;
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

    /** With {@code eraseCalls=true}, every call credited to the member is erased too (see {@link CallsErasureRequests}). */
    @DeleteMapping
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt,
                                @RequestParam(defaultValue = "false") boolean eraseCalls) {
        CurrentUser user = CurrentUser.from(jwt);
        if (eraseCalls) {
            integrations.view(user.userId()); // 404 before anything is asked for when there is no integration
            erasure.requestFor(user);
        }
        integrations.delete(user.userId());
        return ResponseEntity.noContent().build();
    }
}
