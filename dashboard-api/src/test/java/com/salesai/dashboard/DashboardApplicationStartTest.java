package com.salesai.dashboard;

import com.salesai.testsupport.ServiceProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DashboardIntegrationTest
class DashboardApplicationStartTest {

    @LocalServerPort
    int port;

    @Test
    void startsReadyAndExposesPrometheusMetrics() {
        var readiness = ServiceProbe.get(port, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");

        var prometheus = ServiceProbe.get(port, "/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes").contains("service=\"dashboard-api\"");
    }
}
