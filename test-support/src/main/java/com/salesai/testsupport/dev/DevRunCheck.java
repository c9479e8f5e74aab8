package com.salesai.testsupport.dev;

import com.salesai.testsupport.InMemoryMongoServer;
import com.salesai.testsupport.ServiceProbe;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the test of a {@code Test<Service>Application} checks once it runs. */
public final class DevRunCheck {
    /** Generous: the suite shares two cores with other builds. */
    private static final Duration HEALTH_WAIT = Duration.ofSeconds(60);

    private DevRunCheck() {
    }

    /** Server and management on free ports, so the test never collides with a service running on this machine. */
    public static String[] randomPorts() {
        return new String[] {"--server.port=0", "--management.server.port=0"};
    }

    /**
     * Health becomes UP (readiness may wait for a consumer to catch up), every Kafka and MongoDB client of the
     * service is pointed at DevInfrastructure's, and the console (Boot's {@code OutputCaptureExtension}) says so
     * with the service's URL.
     */
    public static void assertUpOnDevInfrastructure(ConfigurableApplicationContext app, CapturedOutput console) {
        Environment env = app.getEnvironment();
        await().atMost(HEALTH_WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> health = ServiceProbe.get(managementPort(env), "/actuator/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        });
        String kafka = app.getBean(EmbeddedKafkaBroker.class).getBrokersAsString();
        String mongo = app.getBean(InMemoryMongoServer.class).uri();
        assertThat(env.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(kafka);
        assertThat(env.getProperty("spring.mongodb.uri")).isEqualTo(mongo);
        assertThat(console.getOut()).contains("http://localhost:" + serverPort(env)).contains(kafka).contains(mongo);
    }

    /** The console shows the dev tokens, ready to export. */
    public static void assertDevTokensPrinted(ConfigurableApplicationContext app, CapturedOutput console) {
        DevLogins logins = app.getBean(DevLogins.class);
        assertThat(console.getOut()).contains("export REP_TOKEN=" + logins.repToken())
                .contains("export HEAD_TOKEN=" + logins.headOfSalesToken());
    }

    /** GET on the service port with the rep's dev token, as printed at start. */
    public static HttpResponse<String> getAsRep(ConfigurableApplicationContext app, String path) {
        return ServiceProbe.get(serverPort(app.getEnvironment()), path, app.getBean(DevLogins.class).repToken());
    }

    /** GET on the service port with the head of sales' dev token, as printed at start. */
    public static HttpResponse<String> getAsHeadOfSales(ConfigurableApplicationContext app, String path) {
        return ServiceProbe.get(serverPort(app.getEnvironment()), path,
                app.getBean(DevLogins.class).headOfSalesToken());
    }

    private static int serverPort(Environment env) {
        return env.getRequiredProperty("local.server.port", Integer.class);
    }

    private static int managementPort(Environment env) {
        return env.getProperty("local.management.port", Integer.class, serverPort(env));
    }
}
