package com.salesai.ingest.secrets;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Part of the readiness group: no traffic before every webhook secret present at start-up is known. */
@Component("integrationViewHealthIndicator")
class IntegrationViewHealth implements HealthIndicator {
    private final IntegrationView view;

    IntegrationViewHealth(IntegrationView view) {
        this.view = view;
    }

    @Override
    public Health health() {
        Health.Builder builder = view.isReady() ? Health.up() : Health.outOfService();
        return builder.withDetail("users", view.size()).build();
    }
}
