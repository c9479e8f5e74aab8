package com.salesai.integration.importing;

import com.salesai.integration.config.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
@RequestMapping("/api/integrations/fathom/import")
class ImportController {
    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> start(@AuthenticationPrincipal Jwt jwt,
                                              @Valid @RequestBody(required = false) ImportRequest request) {
        String jobId = imports.start(CurrentUser.from(jwt), request == null ? new ImportRequest(null, null) : request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("jobId", jobId));
    }

    @GetMapping("/{jobId}")
    ImportStatusView status(@AuthenticationPrincipal Jwt jwt, @PathVariable String jobId) {
        return ImportStatusView.of(imports.job(CurrentUser.from(jwt), jobId));
    }
}
