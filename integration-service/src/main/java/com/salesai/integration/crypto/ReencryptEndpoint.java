package com.salesai.integration.crypto;

import com.salesai.integration.settings.KeyRotation;
import com.salesai.integration.settings.ReencryptionReport;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * Key rotation, a platform operation: re-encrypts every tenant's stored secrets under the active key
 * ({@code POST /actuator/reencrypt} on the management port, operator token only — no tenant role reaches it).
 */
@Component
@Endpoint(id = "reencrypt")
class ReencryptEndpoint {
    private final KeyRotation rotation;

    ReencryptEndpoint(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @WriteOperation
    ReencryptionReport reencrypt() {
        return rotation.reencryptAll();
    }
}
