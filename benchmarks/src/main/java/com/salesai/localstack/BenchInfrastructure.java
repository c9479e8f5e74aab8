package com.salesai.localstack;

import com.salesai.schema.events.TopicConfigs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * The local stack's embedded KRaft broker and MongoDB-compatible server on free ports, with the design's topics,
 * for benchmarks. Lives in the local stack's package because those classes are package-private there.
 */
public final class BenchInfrastructure implements AutoCloseable {
    private final EmbeddedMongo mongo;
    private final EmbeddedKafkaBroker kafka;
    private final int mongoPort;
    private final int kafkaPort;

    private BenchInfrastructure(EmbeddedMongo mongo, EmbeddedKafkaBroker kafka, int mongoPort, int kafkaPort) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.mongoPort = mongoPort;
        this.kafkaPort = kafkaPort;
    }

    /** Starts both under {@code dataDir} (which should be empty) and creates the topics. */
    public static BenchInfrastructure start(Path dataDir, int callPartitions) throws Exception {
        int mongoPort = freePort();
        int kafkaPort = freePort();
        EmbeddedMongo mongo = EmbeddedMongo.start(dataDir.resolve("mongo/mongo.mv"), mongoPort);
        EmbeddedKafkaBroker kafka;
        try {
            kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, freePort());
        } catch (Exception | Error e) {
            mongo.close();
            throw e;
        }
        BenchInfrastructure infrastructure = new BenchInfrastructure(mongo, kafka, mongoPort, kafkaPort);
        try {
            TopicSetup.ensure(infrastructure.kafkaBootstrap(), new TopicConfigs.Partitions(callPartitions, null, null));
        } catch (Exception | Error e) {
            infrastructure.close();
            throw e;
        }
        return infrastructure;
    }

    /** The stack's {@code CALLS_TOPIC_PARTITIONS} (12 by default), to create the topics with and hand to services. */
    public static int callPartitions() {
        return StackConfig.partitionsOfThisProcess().calls();
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** An HS256 dev JWT as the local stack mints them ({@code sub, org_id, org_role, name, email}). */
    public static String devToken(String devSecret, String userId, String orgId, String role, String name,
                                  String email, java.time.Duration validity) {
        return DevTokens.mint(devSecret, userId, orgId, role, name, email, validity);
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            mongo.close();
        }
    }
}
