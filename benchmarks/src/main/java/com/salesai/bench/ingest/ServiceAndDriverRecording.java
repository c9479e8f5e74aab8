package com.salesai.bench.ingest;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.nio.file.Path;

/**
 * JFR recordings (profiling settings) over one measurement window of a service JVM under test and of this driver
 * JVM, which also hosts the embedded broker and MongoDB-compatible server the service waits on.
 */
public final class ServiceAndDriverRecording {
    private final ChildJvm service;
    private final boolean serviceRecording;
    private final Recording driver;

    private ServiceAndDriverRecording(ChildJvm service, boolean serviceRecording, Recording driver) {
        this.service = service;
        this.serviceRecording = serviceRecording;
        this.driver = driver;
    }

    public static ServiceAndDriverRecording start(ChildJvm service) throws Exception {
        boolean serviceRecording = service.startRecording();
        Recording driver = new Recording(Configuration.getConfiguration("profile"));
        driver.start();
        return new ServiceAndDriverRecording(service, serviceRecording, driver);
    }

    /** Stops both, writes them to {@code dir} and summarizes them; the service's is null if jcmd failed. */
    public Profiles stop(Path dir, String name) throws Exception {
        JfrHotFrames serviceHot = null;
        Path serviceFile = dir.resolve(name + ".jfr");
        if (serviceRecording && service.stopRecording(serviceFile)) {
            serviceHot = JfrHotFrames.read(serviceFile, 12);
        }
        Path driverFile = dir.resolve("driver-during-" + name + ".jfr");
        driver.stop();
        driver.dump(driverFile);
        driver.close();
        return new Profiles(serviceHot, JfrHotFrames.read(driverFile, 8));
    }

    public record Profiles(JfrHotFrames service, JfrHotFrames driver) {
    }
}
