package com.salesai.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mongo-java-server with its H2 backend, kept in one file under the data folder. {@link #stop} and {@link #start()}
 * restart it on the same port and file (the fault suite's database outage).
 */
final class EmbeddedMongo implements AutoCloseable {
    private final Path file;
    private final int port;
    private MongoServer server;

    private EmbeddedMongo(Path file, int port) {
        this.file = file;
        this.port = port;
    }

    static EmbeddedMongo start(Path file, int port) throws Exception {
        Files.createDirectories(file.getParent());
        EmbeddedMongo mongo = new EmbeddedMongo(file, port);
        mongo.start();
        return mongo;
    }

    synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("MongoDB is running");
        }
        MongoServer started = new MongoServer(new H2Backend(file.toString()));
        started.bind("127.0.0.1", port);
        server = started;
    }

    /** Closes every client connection and the H2 file; the data stays for {@link #start()}. */
    synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
