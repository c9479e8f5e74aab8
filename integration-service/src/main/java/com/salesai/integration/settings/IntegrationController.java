package com.salesai.integration.settings;

import com.salesai.integration.config.CurrentUser;
import com.salesai.integration.connection.ApiKeyRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own Fathom integration; the user is always the token's {@code sub}, never a parameter. */
@RestController
@RequestMapping("/api/integrations/fathom")
class IntegrationController {
    private final IntegrationService integrations;

    IntegrationController(IntegrationService integrations) {
        this.integrations = integrations;
    }

    @PutMapping
    SavedIntegration save(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ApiKeyRequest request) {
        return integrations.save(CurrentUser.from(jwt), request.apiKey());
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
