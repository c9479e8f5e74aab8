package com.salesai.testsupport.dev;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Prints, once the service is ready, where it answers, which infrastructure it uses and, for a service that
 * verifies JWTs, the dev tokens. On the console rather than in the log: it is for the developer who started it.
 */
class DevRunReport implements ApplicationListener<ApplicationReadyEvent> {
    private final String kafka;
    private final String mongo;
    private final DevLogins logins;

    DevRunReport(String kafka, String mongo, DevLogins logins) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.logins = logins;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        System.out.println(render(event.getApplicationContext()));
    }

    String render(ApplicationContext context) {
        Environment env = context.getEnvironment();
        StringBuilder out = new StringBuilder("\n=== ").append(env.getProperty("spring.application.name"))
                .append(" runs on the dev infrastructure ===\n");
        out.append("  service   http://localhost:").append(env.getProperty("local.server.port")).append('\n');
        String managementPort = env.getProperty("local.management.port");
        if (managementPort != null) {
            out.append("  actuator  http://localhost:").append(managementPort).append("/actuator\n");
        }
        out.append("  Kafka     embedded KRaft broker at ").append(kafka).append(", topics ")
                .append(String.join(", ", DevInfrastructure.SHARED_TOPICS)).append(" made up front\n");
        out.append("  MongoDB   mongo-java-server in memory at ").append(mongo).append('\n');
        out.append("  Broker, data, keyring and dev secret exist for this run only.\n");
        if (context.getBeanNamesForType(JwtDecoder.class).length > 0) {
            out.append("\nDev tokens (").append(DevLogins.VALIDITY.toHours())
                    .append(" h), signed with APP_AUTH_DEV_SECRET=").append(logins.devSecret()).append(":\n");
            out.append("  export REP_TOKEN=").append(logins.repToken()).append("    # member ")
                    .append(DevLogins.REP).append(" of ").append(DevLogins.ORG).append('\n');
            out.append("  export HEAD_TOKEN=").append(logins.headOfSalesToken()).append("    # head_of_sales ")
                    .append(DevLogins.HEAD_OF_SALES).append('\n');
        }
        return out.toString();
    }
}
