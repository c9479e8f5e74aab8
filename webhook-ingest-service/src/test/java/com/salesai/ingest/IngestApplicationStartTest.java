package com.salesai.ingest;

import com.salesai.testsupport.EmbeddedMongo;
import com.salesai.testsupport.ServiceProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "app.auth.dev-secret=test-secret-of-at-least-32-characters!")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@EmbeddedMongo
class IngestApplicationStartTest {

    @LocalServerPort
    int port;

    @Test
    void startsReadyAndExposesPrometheusMetrics() {
        var readiness = ServiceProbe.get(port, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");

        var prometheus = ServiceProbe.get(port, "/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes").contains("service=\"webhook-ingest-service\"");
    }
}
