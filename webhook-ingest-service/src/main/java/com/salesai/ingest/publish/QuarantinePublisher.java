package com.salesai.ingest.publish;

/** Puts a signed but unusable delivery on {@code ingest.quarantine}; returns once it is acknowledged. */
public interface QuarantinePublisher {
    void quarantine(QuarantinedDelivery delivery) throws PublishException;
}
