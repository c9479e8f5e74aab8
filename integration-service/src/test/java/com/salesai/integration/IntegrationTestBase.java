package com.salesai.integration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.salesai.schema.crypto.Keyring;
import com.salesai.testsupport.EmbeddedMongo;
import com.salesai.testsupport.IssuerStub;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for every flow test (broker, Mongo and WireMock-as-Fathom start once): all subclasses share
 * this exact configuration so the context cache reuses it. Resilience waits are shrunk to milliseconds, Fathom's
 * rate windows to seconds, and the catch-up sync is off (see SyncFlowTest). An identity provider (WireMock) and the dev
 * secret are both accepted, as in the local stack.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.auth.dev-secret=" + Tokens.SECRET,
        "app.integration.public-base-url=https://hooks.example.test",
        "app.integration.republish-interval=1h",
        "app.fathom.retry.base-wait=10ms",
        "app.fathom.retry.max-wait=3s",
        "app.fathom.rate-limit.permit-wait=2s",
        "app.fathom.rate-limit.period=3s",
        "app.sync.interval=0s",
        "app.fathom.circuit-breaker.minimum-calls=1000",
        "app.fathom.read-timeout=5s",
        "app.kafka.topics.calls-partitions=2",
        "app.kafka.topics.integrations-partitions=1",
        "app.cors.allowed-origins=http://localhost:8080",
        "app.admin.token=" + IntegrationTestBase.OPERATOR_TOKEN})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@EmbeddedMongo
public abstract class IntegrationTestBase {
    /** Fathom's heavy limit, for the stubs that name it; reset it before use. */
    protected static final FathomRateLimits HEAVY_LIMIT = new FathomRateLimits();
    /** Holds the answers of the stubs that name it until a test opens it; close it before use. */
    protected static final FathomGate GATE = new FathomGate();
    protected static final WireMockServer FATHOM = startFathom();
    /** Two keys: {@code t0} is retired (still decrypts), {@code t1} is active, so rotation can be tested. */
    protected static final String KEYS_SPEC = Keyring.generateKeySpec("t0") + "," + Keyring.generateKeySpec("t1");

    protected static final String OPERATOR_TOKEN = "operator-token-of-at-least-32-characters";

    @LocalServerPort
    protected int port;
    @LocalManagementPort
    protected int managementPort;

    private static WireMockServer startFathom() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .extensions(HEAVY_LIMIT, GATE));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    @DynamicPropertySource
    static void fathomAndKeyring(DynamicPropertyRegistry registry) {
        registry.add("app.fathom.base-url", () -> FATHOM.baseUrl() + "/external/v1");
        registry.add("app.crypto.keys", () -> KEYS_SPEC);
        registry.add("app.crypto.active-key", () -> "t1");
        registry.add("app.auth.issuer-uri", () -> IssuerStub.shared().issuerUri());
        registry.add("app.auth.audience", () -> IssuerStub.AUDIENCE);
    }

    @BeforeEach
    void resetFathom() {
        FATHOM.resetAll();
    }

    protected Api api() {
        return new Api(port);
    }

    /** The management port, where platform operations live. */
    protected Api management() {
        return new Api(managementPort);
    }
}
