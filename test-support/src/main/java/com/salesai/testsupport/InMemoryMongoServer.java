package com.salesai.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** A MongoDB-compatible server (mongo-java-server, in-memory backend) on a free loopback port; closing drops its data. */
public final class InMemoryMongoServer implements AutoCloseable {
    private final MongoServer server;
    private final String uri;

    private InMemoryMongoServer(MongoServer server) {
        this.server = server;
        this.uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    public static InMemoryMongoServer start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return new InMemoryMongoServer(server);
    }

    public String uri() {
        return uri;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
