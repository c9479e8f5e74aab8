package com.salesai.analysis.replay;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * {@code POST /admin/dlt/replay} re-drives dead-lettered calls; bearer token {@code APP_ADMIN_TOKEN}. Without a
 * configured token the endpoint does not exist (404).
 */
@RestController
class DltReplayController {
    private final AdminProperties admin;
    private final DltReplayer replayer;

    DltReplayController(AdminProperties admin, DltReplayer replayer) {
        this.admin = admin;
        this.replayer = replayer;
    }

    @PostMapping("/admin/dlt/replay")
    ResponseEntity<?> replay(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!admin.enabled()) {
            return problem(HttpStatus.NOT_FOUND, "DLT replay is disabled: no admin token (APP_ADMIN_TOKEN) is configured");
        }
        if (!authorized(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "A valid admin bearer token is required"));
        }
        return ResponseEntity.ok(Map.of("replayed", replayer.replay()));
    }

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, admin.token().getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
