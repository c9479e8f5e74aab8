package com.salesai.ingest.publish;

import com.salesai.schema.events.CallRecorded;

import java.util.List;

/** Publishes calls to {@code calls.recorded} and returns only once every one is acknowledged. */
public interface CallPublisher {
    void publish(List<CallRecorded> calls) throws PublishException;
}
