package com.salesai.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;

/** mongo-java-server with its H2 backend, kept in one file under the data folder. */
final class EmbeddedMongo implements AutoCloseable {
    private final MongoServer server;

    private EmbeddedMongo(MongoServer server) {
        this.server = server;
    }

    static EmbeddedMongo start(Path file, int port) throws Exception {
        Files.createDirectories(file.getParent());
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        server.bind("127.0.0.1", port);
        return new EmbeddedMongo(server);
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
