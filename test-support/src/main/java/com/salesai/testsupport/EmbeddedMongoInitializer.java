package com.salesai.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Starts one in-memory server per test context (so cached contexts never see each other's data) and stops it
 * when the context closes.
 */
public class EmbeddedMongoInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROFILE = "embedded-mongo";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedMongo",
                Map.of("spring.mongodb.uri", uri)));
        context.getEnvironment().addActiveProfile(PROFILE);
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                server.shutdownNow();
            }
        });
    }
}
