package com.salesai.ingest.secrets;

import com.salesai.schema.attribution.OrgRecorders;

import java.util.Optional;

/** Who may deliver webhooks, and who records in each organization, as far as this instance knows. */
public interface IntegrationDirectory {

    /** False until the integrations present at start-up are all known; deliveries must wait until then. */
    boolean isReady();

    Optional<UserIntegration> activeIntegration(String userId);

    /** The organization's members with an active integration, by the email they record with in Fathom. */
    OrgRecorders recorders(String orgId);
}
