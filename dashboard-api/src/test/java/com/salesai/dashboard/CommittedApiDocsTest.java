package com.salesai.dashboard;

import com.salesai.testsupport.OpenApiChecks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** {@code docs/api/dashboard-api.json} is the API this service serves, every operation named. */
@DashboardIntegrationTest
class CommittedApiDocsTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theCommittedDocumentIsTheServedOne() {
        OpenApiChecks.assertMatchesCommitted(OpenApiChecks.fetchServedDocument(port), "dashboard-api.json");
    }

    @Test
    void everyEndpointNamesItsOperation() {
        OpenApiChecks.assertEveryEndpointNamesItsOperation(mapping, "com.salesai.dashboard");
    }
}
