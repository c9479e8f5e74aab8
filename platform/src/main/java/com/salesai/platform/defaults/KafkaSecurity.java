package com.salesai.platform.defaults;

import org.springframework.core.env.Environment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How every Kafka client authenticates, from the design's variables to Boot's own keys, which reach every producer,
 * consumer and admin client of Boot's factories: {@code KAFKA_SECURITY_PROTOCOL} ({@code PLAINTEXT} default,
 * {@code SASL_SSL}, {@code SASL_PLAINTEXT}, {@code SSL}) → {@code spring.kafka.security.protocol};
 * {@code KAFKA_SASL_MECHANISM} ({@code SCRAM-SHA-512} default) → {@code sasl.mechanism};
 * {@code KAFKA_SASL_USERNAME} and {@code KAFKA_SASL_PASSWORD} → the JAAS configuration, built here only;
 * {@code KAFKA_SSL_*} → {@code spring.kafka.ssl.*} (the broker's CA, and a client certificate for mTLS).
 * Only variables that are set become keys, so an unset one never reaches a client as an empty value. Nothing here
 * is logged; Kafka prints {@code sasl.jaas.config} and the passwords as {@code [hidden]}.
 */
final class KafkaSecurity {
    static final String PROTOCOL = "spring.kafka.security.protocol";
    static final String SASL_MECHANISM = "spring.kafka.properties[sasl.mechanism]";
    static final String SASL_JAAS_CONFIG = "spring.kafka.properties[sasl.jaas.config]";
    static final String DEFAULT_MECHANISM = "SCRAM-SHA-512";

    /** The TLS variables, each to its Boot key. */
    private static final Map<String, String> SSL_KEYS = Map.of(
            "KAFKA_SSL_TRUSTSTORE_LOCATION", "spring.kafka.ssl.trust-store-location",
            "KAFKA_SSL_TRUSTSTORE_PASSWORD", "spring.kafka.ssl.trust-store-password",
            "KAFKA_SSL_TRUSTSTORE_TYPE", "spring.kafka.ssl.trust-store-type",
            "KAFKA_SSL_KEYSTORE_LOCATION", "spring.kafka.ssl.key-store-location",
            "KAFKA_SSL_KEYSTORE_PASSWORD", "spring.kafka.ssl.key-store-password",
            "KAFKA_SSL_KEYSTORE_TYPE", "spring.kafka.ssl.key-store-type",
            "KAFKA_SSL_KEY_PASSWORD", "spring.kafka.ssl.key-password");

    private KafkaSecurity() {
    }

    /**
     * @throws IllegalStateException for a SASL protocol without credentials (unless a JAAS configuration is given
     *                               under Boot's own key), half a credential, or a mechanism without a login module
     *                               here; the message names variables, never their values
     */
    static Map<String, Object> keysFrom(Environment environment) {
        Map<String, Object> keys = new LinkedHashMap<>();
        String protocol = stripped(valueOf(environment, "KAFKA_SECURITY_PROTOCOL"));
        if (protocol != null) {
            keys.put(PROTOCOL, protocol.toUpperCase(Locale.ROOT));
        }
        String mechanism = stripped(valueOf(environment, "KAFKA_SASL_MECHANISM"));
        keys.put(SASL_MECHANISM, mechanism == null ? DEFAULT_MECHANISM : mechanism.toUpperCase(Locale.ROOT));
        String username = valueOf(environment, "KAFKA_SASL_USERNAME");
        String password = valueOf(environment, "KAFKA_SASL_PASSWORD");
        if ((username == null) != (password == null)) {
            throw new IllegalStateException("Kafka SASL needs both KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD");
        }
        if (username != null) {
            keys.put(SASL_JAAS_CONFIG, jaasConfig((String) keys.get(SASL_MECHANISM), username, password));
        } else if (protocol != null && protocol.toUpperCase(Locale.ROOT).startsWith("SASL_")
                && environment.getProperty("spring.kafka.properties.sasl.jaas.config") == null) {
            throw new IllegalStateException("KAFKA_SECURITY_PROTOCOL=" + protocol
                    + " needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD");
        }
        SSL_KEYS.forEach((variable, key) -> {
            String value = valueOf(environment, variable);
            if (value != null) {
                keys.put(key, variable.endsWith("_LOCATION") && value.startsWith("/") ? "file:" + value : value);
            }
        });
        return keys;
    }

    /** One login module per mechanism; the values are quoted with {@code \} and {@code "} escaped. */
    static String jaasConfig(String mechanism, String username, String password) {
        String module = switch (mechanism) {
            case "SCRAM-SHA-512", "SCRAM-SHA-256" -> "org.apache.kafka.common.security.scram.ScramLoginModule";
            case "PLAIN" -> "org.apache.kafka.common.security.plain.PlainLoginModule";
            default -> throw new IllegalStateException("KAFKA_SASL_MECHANISM=" + mechanism + " has no login module"
                    + " here (SCRAM-SHA-512, SCRAM-SHA-256, PLAIN); set spring.kafka.properties.sasl.jaas.config");
        };
        return module + " required username=" + quoted(username) + " password=" + quoted(password) + ";";
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Null when unset or blank; as given otherwise (a password may start or end with a space). */
    private static String valueOf(Environment environment, String variable) {
        String value = environment.getProperty(variable);
        return value == null || value.isBlank() ? null : value;
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }
}
