package com.salesai.dashboard;

import com.salesai.testsupport.HostileTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Unsigned, foreign-key, expired and org-less tokens get 401 on every data endpoint, the stream included. */
@DashboardIntegrationTest
class HostileTokensTest {
    private static final List<String> PATHS = List.of("/api/calls", "/api/calls/any-call", "/api/dashboard/summary",
            "/api/calls/stream");

    @LocalServerPort
    int port;

    @Test
    void everyDataEndpointRefusesThem() {
        Api api = new Api(port);
        for (String token : HostileTokens.all(Tokens.SECRET)) {
            for (String path : PATHS) {
                assertThat(api.get(path, token).statusCode()).as(path + " with " + token).isEqualTo(401);
            }
        }
    }
}
