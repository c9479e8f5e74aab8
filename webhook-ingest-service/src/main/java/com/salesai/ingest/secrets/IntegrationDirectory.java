package com.salesai.ingest.secrets;

import java.util.Optional;

/** Who may deliver webhooks, as far as this instance knows. */
public interface IntegrationDirectory {

    /** False until the integrations present at start-up are all known; deliveries must wait until then. */
    boolean isReady();

    Optional<UserIntegration> activeIntegration(String userId);
}
