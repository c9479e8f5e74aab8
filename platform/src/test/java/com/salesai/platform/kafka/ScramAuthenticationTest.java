package com.salesai.platform.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A service's Kafka clients, configured only by {@code KAFKA_SECURITY_PROTOCOL} and {@code KAFKA_SASL_*}, against a
 * KRaft broker whose client listener takes SASL/SCRAM-SHA-512 only: the producer, a consumer and the admin client
 * authenticate with the right password, and a wrong one is refused.
 */
class ScramAuthenticationTest {
    private static final String USER = "ingest-service";
    private static final String PASSWORD = "right-password-\"quoted\"";
    private static final String TOPIC = "scram.test";

    private static KafkaRaftServer broker;
    private static int plaintextPort;
    private static int scramPort;

    @BeforeAll
    static void startBroker(@TempDir Path logDir) throws Exception {
        plaintextPort = freePort();
        scramPort = freePort();
        int controllerPort = freePort();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + plaintextPort + ",SASL_PLAINTEXT://127.0.0.1:" + scramPort
                + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + plaintextPort
                + ",SASL_PLAINTEXT://127.0.0.1:" + scramPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put("log.dirs", logDir.toString());
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1).setClusterId(Uuid.randomUuid().toString()).setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString()).setDirectories(List.of(logDir.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION).run();
        broker = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        broker.startup();
        // The operator's part, over the unauthenticated listener: the service's principal and its topic.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + plaintextPort))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), PASSWORD))).all().get();
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theServicesClientsAuthenticateWithTheirScramCredentialsAndAWrongPasswordIsRefused(CapturedOutput output) {
        try (ConfigurableApplicationContext service = service(PASSWORD)) {
            AckedSender sender = service.getBean(AckedSender.class);
            // SCRAM credentials reach the broker's metadata a moment after the admin call returned
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .untilAsserted(() -> sender.send(TOPIC, "k", "authenticated".getBytes(StandardCharsets.UTF_8)));

            assertThat(service.getBean(KafkaAdmin.class).describeTopics(TOPIC)).containsKey(TOPIC);
            assertThat(readAll(service.getBean(ConsumerFactory.class))).contains("authenticated");
        }

        try (ConfigurableApplicationContext impostor = service("wrong-password")) {
            assertThatThrownBy(() -> impostor.getBean(AckedSender.class)
                    .send(TOPIC, "k", "forged".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(KafkaPublishException.class)
                    .rootCause().isInstanceOf(SaslAuthenticationException.class);
        }
        assertThat(output.getAll()).as("Kafka prints the JAAS configuration as [hidden]")
                .contains("sasl.jaas.config = [hidden]").doesNotContain("right-password").doesNotContain("wrong-password");
    }

    private static ConfigurableApplicationContext service(String password) {
        return new SpringApplicationBuilder(Service.class).web(WebApplicationType.NONE).run(
                "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + scramPort,
                "--KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT",
                "--KAFKA_SASL_USERNAME=" + USER,
                "--KAFKA_SASL_PASSWORD=" + password,
                "--app.kafka.publish-timeout=10s",
                "--spring.kafka.producer.properties[max.block.ms]=10000");
    }

    @SuppressWarnings("unchecked")
    private static List<String> readAll(ConsumerFactory<?, ?> factory) {
        List<String> values = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = ((ConsumerFactory<String, byte[]>) factory)
                .createConsumer("scram-test", "scram-test")) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(new String(record.value(), StandardCharsets.UTF_8));
                }
                return !values.isEmpty();
            });
        }
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {
    }
}
