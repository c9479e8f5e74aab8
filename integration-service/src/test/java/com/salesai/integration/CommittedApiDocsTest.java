package com.salesai.integration;

import com.salesai.testsupport.OpenApiChecks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** {@code docs/api/integration-service.json} is the API this service serves, public, every operation named. */
class CommittedApiDocsTest extends IntegrationTestBase {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theCommittedDocumentIsTheServedOneAndNeedsNoToken() {
        OpenApiChecks.assertMatchesCommitted(OpenApiChecks.fetchServedDocument(port), "integration-service.json");
    }

    @Test
    void everyEndpointNamesItsOperation() {
        OpenApiChecks.assertEveryEndpointNamesItsOperation(mapping, "com.salesai.integration");
    }
}
