package com.salesai.localstack;

/** The processes the local stack starts, with their default ports and jars (relative to the repository root). */
enum StackService {
    // first: started before the services, its discovery awaited before theirs
    IDENTITY_PROVIDER("dev-identity-provider", 9000,
            "deploy/dev-identity-provider/target/dev-identity-provider-0.1.0-SNAPSHOT.jar",
            "com.salesai.devidp.DevIdentityProviderApplication", false),
    FATHOM_EMULATOR("fathom-emulator", 8090, "deploy/fathom-emulator/target/fathom-emulator-0.1.0-SNAPSHOT.jar",
            "com.salesai.emulator.EmulatorApplication", true),
    INTEGRATION("integration-service", 8082, "integration-service/target/integration-service-0.1.0-SNAPSHOT.jar",
            "com.salesai.integration.IntegrationApplication", false),
    WEBHOOK_INGEST("webhook-ingest-service", 8081,
            "webhook-ingest-service/target/webhook-ingest-service-0.1.0-SNAPSHOT.jar",
            "com.salesai.ingest.IngestApplication", false),
    ANALYSIS("analysis-service", 8083, "analysis-service/target/analysis-service-0.1.0-SNAPSHOT.jar",
            "com.salesai.analysis.AnalysisApplication", false),
    DASHBOARD("dashboard-api", 8080, "dashboard-api/target/dashboard-api-0.1.0-SNAPSHOT.jar",
            "com.salesai.dashboard.DashboardApplication", false);

    private final String processName;
    private final int port;
    private final String jar;
    private final String mainClass;
    private final boolean optional;

    StackService(String processName, int port, String jar, String mainClass, boolean optional) {
        this.processName = processName;
        this.port = port;
        this.jar = jar;
        this.mainClass = mainClass;
        this.optional = optional;
    }

    String processName() {
        return processName;
    }

    int defaultPort() {
        return port;
    }

    String jar() {
        return jar;
    }

    /** The class a developer runs to start it by hand (see {@link StartByHand}). */
    String mainClass() {
        return mainClass;
    }

    /** The emulator is optional so the stack also runs against the real Fathom. */
    boolean optional() {
        return optional;
    }

    /**
     * Readiness on the service port, as the load balancers ask it (the actuator is on the management port); the
     * identity provider is ready for the services and the pages once its discovery document answers.
     */
    String readinessPath() {
        return this == IDENTITY_PROVIDER ? "/.well-known/openid-configuration" : "/readyz";
    }
}
