package com.salesai.dashboard.pages;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/** Serves the pages' deployment settings, anonymously: the pages read them before anyone has signed in. */
@RestController
@Tag(name = "pages")
class PagesConfigController {
    /** Briefly: a changed deployment reaches open browsers within a minute. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
    private final PagesSettings settings;

    PagesConfigController(PagesSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/config.json")
    @SecurityRequirements
    @Operation(operationId = "getPagesConfig",
            summary = "The web pages' settings: OIDC issuer and client id, integration API base URL, dev tokens")
    ResponseEntity<PagesSettings> config() {
        return ResponseEntity.ok().cacheControl(CACHE).body(settings);
    }
}
