package com.salesai.integration;

import com.salesai.testsupport.OpenApiChecks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code docs/api/integration-service.json} is the API this service serves, public, every operation named. */
class CommittedApiDocsTest extends IntegrationTestBase {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theCommittedDocumentIsTheServedOneAndNeedsNoToken() {
        Api.Response response = api().call("GET", "/v3/api-docs", null, null);

        assertThat(response.status()).isEqualTo(200);
        OpenApiChecks.assertMatchesCommitted(response.body(), "integration-service.json");
    }

    @Test
    void everyEndpointNamesItsOperation() {
        OpenApiChecks.assertEveryEndpointNamesItsOperation(mapping, "com.salesai.integration");
    }
}
