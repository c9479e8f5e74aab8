package com.salesai.platform.defaults;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KafkaSecurityTest {

    @Test
    void nothingSetLeavesThePlaintextDefaultAndNoCredentials() {
        assertThat(KafkaSecurity.keysFrom(environment(Map.of())))
                .containsExactlyEntriesOf(Map.of(KafkaSecurity.SASL_MECHANISM, "SCRAM-SHA-512"));
    }

    @Test
    void saslScramBuildsOneJaasConfigurationFromUsernameAndPassword() {
        Map<String, Object> keys = KafkaSecurity.keysFrom(environment(Map.of("KAFKA_SECURITY_PROTOCOL", "sasl_ssl",
                "KAFKA_SASL_USERNAME", "ingest", "KAFKA_SASL_PASSWORD", "p\"w\\d ")));

        assertThat(keys).containsEntry(KafkaSecurity.PROTOCOL, "SASL_SSL")
                .containsEntry(KafkaSecurity.SASL_MECHANISM, "SCRAM-SHA-512")
                .containsEntry(KafkaSecurity.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule"
                        + " required username=\"ingest\" password=\"p\\\"w\\\\d \";");
    }

    @Test
    void theMechanismChoosesTheLoginModule() {
        assertThat(KafkaSecurity.jaasConfig("PLAIN", "u", "p"))
                .startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required");
        assertThatIllegalStateException().isThrownBy(() -> KafkaSecurity.jaasConfig("GSSAPI", "u", "p"))
                .withMessageContaining("spring.kafka.properties.sasl.jaas.config");
    }

    @Test
    void missingOrHalfCredentialsStopStartUpWithoutEchoingAValue() {
        assertThatIllegalStateException().isThrownBy(() -> KafkaSecurity.keysFrom(environment(Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL"))))
                .withMessage("KAFKA_SECURITY_PROTOCOL=SASL_SSL needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD");
        assertThatIllegalStateException().isThrownBy(() -> KafkaSecurity.keysFrom(environment(Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_PASSWORD", "s3cret-pw"))))
                .withMessageNotContaining("s3cret-pw");
    }

    @Test
    void aJaasConfigurationGivenUnderBootsKeyNeedsNoCredentialVariables() {
        assertThat(KafkaSecurity.keysFrom(environment(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "spring.kafka.properties.sasl.jaas.config", "custom required;"))))
                .doesNotContainKey(KafkaSecurity.SASL_JAAS_CONFIG);
    }

    @Test
    void tlsFilesAndPasswordsGoToBootsSslKeysOnlyWhenSet() {
        Map<String, Object> keys = KafkaSecurity.keysFrom(environment(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.crt", "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                "KAFKA_SSL_KEYSTORE_LOCATION", "file:/etc/kafka-client/client.p12",
                "KAFKA_SSL_KEYSTORE_PASSWORD", "ks-pw", "KAFKA_SSL_KEY_PASSWORD", " ")));

        assertThat(keys).containsEntry("spring.kafka.ssl.trust-store-location", "file:/etc/kafka-ca/ca.crt")
                .containsEntry("spring.kafka.ssl.trust-store-type", "PEM")
                .containsEntry("spring.kafka.ssl.key-store-location", "file:/etc/kafka-client/client.p12")
                .containsEntry("spring.kafka.ssl.key-store-password", "ks-pw")
                .doesNotContainKeys("spring.kafka.ssl.key-password", "spring.kafka.ssl.trust-store-password");
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("env", new HashMap<>(variables)));
        return environment;
    }
}
