package com.salesai.integration.crypto;

import com.salesai.integration.config.CurrentUser;
import com.salesai.integration.settings.KeyRotation;
import com.salesai.integration.settings.ReencryptionReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Key rotation for operators: re-encrypts every stored secret under the active key. Needs {@code org_role=admin}. */
@RestController
class ReencryptController {
    private final KeyRotation rotation;

    ReencryptController(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @PostMapping("/api/admin/crypto/reencrypt")
    ReencryptionReport reencrypt(@AuthenticationPrincipal Jwt jwt) {
        if (!CurrentUser.from(jwt).isAdmin()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Re-encryption needs org_role=admin");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        return rotation.reencryptAll();
    }
}
