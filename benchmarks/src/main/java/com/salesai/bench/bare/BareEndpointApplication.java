package com.salesai.bench.bare;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline for ingest throughput: the same server stack (Spring MVC on Tomcat, virtual threads as in the
 * services) on the same path, reading the whole body and answering 202 with nothing behind it. Started by the
 * benchmark as a child JVM with the same flags as the service; {@code SERVER_PORT} sets the port.
 */
@SpringBootApplication
public class BareEndpointApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(BareEndpointApplication.class)
                .properties("spring.threads.virtual.enabled=true", "spring.main.banner-mode=off",
                        "server.shutdown=graceful")
                .run(args);
    }

    @RestController
    static class BareEndpoint {

        @PostMapping("/api/webhooks/fathom/{userId}")
        ResponseEntity<Void> accept(@PathVariable String userId, @RequestBody byte[] body) {
            return ResponseEntity.accepted().build();
        }

        @GetMapping("/ready")
        String ready() {
            return "ready";
        }
    }
}
