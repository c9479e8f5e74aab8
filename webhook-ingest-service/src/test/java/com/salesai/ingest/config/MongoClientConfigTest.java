package com.salesai.ingest.config;

import com.mongodb.MongoClientSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MongoClientConfigTest {

    @Test
    void theClientWaitsForAnUnreachableServerOnlyAsLongAsConfigured() {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        new MongoClientConfig().mongoTimeouts(new MongoTimeouts(Duration.ofMillis(1500)))
                .customize(builder);
        MongoClientSettings settings = builder.build();

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1500);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).as("driver default")
                .isEqualTo(10_000);
    }
}
