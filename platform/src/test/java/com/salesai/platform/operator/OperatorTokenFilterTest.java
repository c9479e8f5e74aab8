package com.salesai.platform.operator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class OperatorTokenFilterTest {
    private static final String TOKEN = "operator-token-of-at-least-32-characters";

    private MockHttpServletResponse send(String token, String method, String path, String authorization)
            throws Exception {
        var request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr("10.0.0.7");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        new OperatorTokenFilter(new OperatorProperties(token), "/actuator").doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(299); // reached the endpoint
        }
        return response;
    }

    @Test
    void anOperationRunsWithTheOperatorTokenAndIsAudited(CapturedOutput output) throws Exception {
        assertThat(send(TOKEN, "POST", "/actuator/reencrypt", "Bearer " + TOKEN).getStatus()).isEqualTo(299);
        assertThat(output).contains("operator operation POST /actuator/reencrypt from 10.0.0.7 done")
                .doesNotContain(TOKEN);
    }

    @Test
    void aTenantTokenOrNoneIsUnauthorized(CapturedOutput output) throws Exception {
        MockHttpServletResponse tenant = send(TOKEN, "POST", "/actuator/dltreplay", "Bearer eyJhbGciOiJIUzI1NiJ9.x.y");

        assertThat(tenant.getStatus()).isEqualTo(401);
        assertThat(tenant.getContentType()).isEqualTo("application/problem+json");
        assertThat(tenant.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(send(TOKEN, "POST", "/actuator/dltreplay", null).getStatus()).isEqualTo(401);
        assertThat(send(TOKEN, "DELETE", "/actuator/loggers/x", "Basic abc").getStatus()).isEqualTo(401);
        assertThat(output).contains("operator operation POST /actuator/dltreplay from 10.0.0.7 refused");
    }

    @Test
    void withoutATokenOfThirtyTwoCharactersTheOperationsDoNotExist() throws Exception {
        assertThat(send(null, "POST", "/actuator/reencrypt", "Bearer x").getStatus()).isEqualTo(404);
        String shortToken = "s".repeat(31);
        assertThat(send(shortToken, "POST", "/actuator/reencrypt", "Bearer " + shortToken).getStatus()).isEqualTo(404);
    }

    @Test
    void readsAndOtherPathsPassUntouched() throws Exception {
        assertThat(send(TOKEN, "GET", "/actuator/health", null).getStatus()).isEqualTo(299);
        assertThat(send(TOKEN, "GET", "/actuator/prometheus", null).getStatus()).isEqualTo(299);
        assertThat(send(TOKEN, "POST", "/api/webhooks/fathom/u1", null).getStatus()).isEqualTo(299);
    }
}
