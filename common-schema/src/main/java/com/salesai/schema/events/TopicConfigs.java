package com.salesai.schema.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The broker-side configuration of every topic, in one place for every service that declares topics and for the
 * local stack. Plain names and values, so this module stays free of Kafka.
 * <ul>
 *   <li>{@code fathom.integrations} and the {@code calls.*} topics are compacted: the ingest rebuilds its
 *   secret view and the dashboard its read model by replaying them from the beginning, and the latest record per key
 *   (userId, callId) is exactly what a rebuild needs. They are bounded by the number of users and calls, never by
 *   time, so no call is lost to a retention deadline. {@code calls.erased} is never tombstoned, so compaction never
 *   removes an erasure: a service rebuilt from the topics still knows every erased call.</li>
 *   <li>Dead-letter topics and {@code ingest.quarantine} are deleted after an explicit, long retention: they are
 *   for inspection and replay by an operator, and several records per key all matter.</li>
 *   <li>The topics that carry a whole recording ({@code calls.recorded}, {@code ingest.quarantine} and their DLTs)
 *   accept records of {@link Limits#maxRecordBytes()}, sized from the ingest's body limit.</li>
 * </ul>
 */
public final class TopicConfigs {
    public static final String CLEANUP_POLICY = "cleanup.policy";
    public static final String RETENTION_MS = "retention.ms";
    public static final String MAX_MESSAGE_BYTES = "max.message.bytes";
    public static final String COMPACT = "compact";
    public static final String DELETE = "delete";
    /** Producer settings that bound a record's size ({@code ProducerConfig} names). */
    public static final String MAX_REQUEST_SIZE = "max.request.size";
    public static final String BUFFER_MEMORY = "buffer.memory";

    /** The ingest's default webhook body limit ({@code INGEST_MAX_BODY_BYTES}). */
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    /** How long dead letters and quarantined deliveries are kept ({@code KAFKA_DEAD_LETTER_RETENTION}). */
    public static final Duration DEFAULT_DEAD_LETTER_RETENTION = Duration.ofDays(30);
    /**
     * A body of N bytes becomes a {@code CallRecorded} of up to about 2.5N for a realistic transcript: the text is
     * carried twice (segments and plaintext) and every segment adds its field names. 3N leaves room for that;
     * anything larger is answered 413 and quarantined by the ingest.
     */
    static final int RECORD_BYTES_PER_BODY_BYTE = 3;
    /** The producer's own default {@code buffer.memory}, kept as the floor. */
    static final long DEFAULT_BUFFER_MEMORY = 32L * 1024 * 1024;

    /** The topics the services' listeners consume, each dead-lettered to its DLT by the platform's recoverer. */
    private static final List<String> CALL_TOPICS = List.of(Topics.CALLS_RECORDED, Topics.CALLS_ANALYZED,
            Topics.CALLS_ANALYSIS_FAILED, Topics.CALLS_REVIEWED, Topics.CALLS_ERASED, Topics.CALLS_ERASURE_REQUESTED);
    private static final List<String> KNOWN = Stream.concat(Stream.of(Topics.INTEGRATIONS, Topics.INGEST_QUARANTINE),
            CALL_TOPICS.stream()).toList();
    private static final List<String> CARRY_RECORDINGS = List.of(Topics.CALLS_RECORDED, Topics.INGEST_QUARANTINE);

    private TopicConfigs() {
    }

    /**
     * The sizes and retention every declaration derives from (property prefix {@code app.kafka.topics} in the
     * services); 0 or null means the default.
     *
     * @param maxBodyBytes        the ingest's webhook body limit
     * @param deadLetterRetention how long DLT and quarantine records are kept
     */
    public record Limits(long maxBodyBytes, Duration deadLetterRetention) {
        public Limits {
            maxBodyBytes = maxBodyBytes > 0 ? maxBodyBytes : DEFAULT_MAX_BODY_BYTES;
            deadLetterRetention = deadLetterRetention != null ? deadLetterRetention : DEFAULT_DEAD_LETTER_RETENTION;
        }

        public static Limits defaults() {
            return new Limits(0, null);
        }

        /** The largest record on the topics that carry a recording, and so every producer's request size. */
        public int maxRecordBytes() {
            return (int) Math.min(Integer.MAX_VALUE, RECORD_BYTES_PER_BODY_BYTE * maxBodyBytes);
        }

        /**
         * For every producer that may send a recording (first publish, import, dead-lettering): a request and a
         * buffer that hold the largest record; the buffer holds two so one big send doesn't block the next.
         */
        public Map<String, Object> producerOverrides() {
            long buffer = Math.max(DEFAULT_BUFFER_MEMORY, 2L * maxRecordBytes());
            return Map.of(MAX_REQUEST_SIZE, maxRecordBytes(), BUFFER_MEMORY, buffer);
        }
    }

    /**
     * Every topic the services declare, the DLTs of the {@code calls.*} topics included: what a broker is given
     * before the services start (the local stack), so that their listeners are assigned every partition at once.
     */
    public static List<String> declaredTopics() {
        return Stream.concat(KNOWN.stream(), CALL_TOPICS.stream().map(Topics::deadLetterOf)).toList();
    }

    /**
     * How many partitions each topic has: the design's one setting for the {@code calls.*} topics and every DLT
     * ({@value #CALLS_PARTITIONS_VARIABLE}), and one each for {@code fathom.integrations} and
     * {@code ingest.quarantine}; a DLT has its source's count, so "the same partition" always exists. Null or less
     * than 1: the default. Read by every service (platform {@code PlatformKafkaProperties}) and the local stack.
     */
    public record Partitions(Integer calls, Integer integrations, Integer quarantine) {
        public static final String CALLS_PARTITIONS_VARIABLE = "CALLS_TOPIC_PARTITIONS";
        public static final String INTEGRATIONS_PARTITIONS_VARIABLE = "INTEGRATIONS_TOPIC_PARTITIONS";
        public static final String QUARANTINE_PARTITIONS_VARIABLE = "INGEST_QUARANTINE_PARTITIONS";
        public static final int DEFAULT_CALLS = 12;
        public static final int DEFAULT_INTEGRATIONS = 3;
        public static final int DEFAULT_QUARANTINE = 3;

        public Partitions {
            calls = orDefault(calls, DEFAULT_CALLS);
            integrations = orDefault(integrations, DEFAULT_INTEGRATIONS);
            quarantine = orDefault(quarantine, DEFAULT_QUARANTINE);
        }

        public static Partitions defaults() {
            return new Partitions(null, null, null);
        }

        /** From the design's environment variables ({@code System::getenv}); unset or blank: the default. */
        public static Partitions fromEnvironment(Function<String, String> environment) {
            return new Partitions(number(environment.apply(CALLS_PARTITIONS_VARIABLE)),
                    number(environment.apply(INTEGRATIONS_PARTITIONS_VARIABLE)),
                    number(environment.apply(QUARANTINE_PARTITIONS_VARIABLE)));
        }

        /** The partition count of {@code topic}: one of {@link Topics}' names or a DLT of one. */
        public int of(String topic) {
            if (topic.endsWith(Topics.DLT_SUFFIX)) {
                return of(topic.substring(0, topic.length() - Topics.DLT_SUFFIX.length()));
            }
            return switch (topic) {
                case Topics.INTEGRATIONS -> integrations;
                case Topics.INGEST_QUARANTINE -> quarantine;
                default -> calls;
            };
        }

        private static Integer orDefault(Integer value, int defaultValue) {
            return value == null || value < 1 ? defaultValue : value;
        }

        private static Integer number(String value) {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        }
    }

    /** The configuration to create {@code topic} with: one of {@link Topics}' names or a DLT of one. */
    public static Map<String, String> of(String topic, Limits limits) {
        boolean deadLetter = topic.endsWith(Topics.DLT_SUFFIX);
        String source = deadLetter ? topic.substring(0, topic.length() - Topics.DLT_SUFFIX.length()) : topic;
        if (!KNOWN.contains(source)) {
            throw new IllegalArgumentException("no configuration for topic " + topic);
        }
        Map<String, String> configs = new TreeMap<>();
        if (deadLetter || source.equals(Topics.INGEST_QUARANTINE)) {
            configs.put(CLEANUP_POLICY, DELETE);
            configs.put(RETENTION_MS, Long.toString(limits.deadLetterRetention().toMillis()));
        } else {
            configs.put(CLEANUP_POLICY, COMPACT);
        }
        if (CARRY_RECORDINGS.contains(source)) {
            configs.put(MAX_MESSAGE_BYTES, Integer.toString(limits.maxRecordBytes()));
        }
        return Map.copyOf(configs);
    }
}
