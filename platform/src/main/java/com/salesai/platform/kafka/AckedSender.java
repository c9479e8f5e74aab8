package com.salesai.platform.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaProducerException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Sends through Boot's template and returns only once the broker acknowledged (acks=all), within
 * {@code app.kafka.publish-timeout}; otherwise throws {@link KafkaPublishException}, whatever went wrong. For the
 * publishes a caller must not report as done before Kafka holds them; fire-and-forget sends use the template.
 */
public class AckedSender {
    private final KafkaOperations<Object, Object> kafka;
    private final Duration timeout;

    AckedSender(KafkaOperations<Object, Object> kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    public void send(String topic, Object key, Object value) {
        sendAll(List.of(new ProducerRecord<>(topic, key, value)));
    }

    /**
     * Sends every record first, then waits for all acknowledgements under one deadline. A partial failure is a
     * failure: what was acknowledged is published again by the caller's retry, which idempotent consumers absorb.
     */
    @SuppressWarnings("unchecked")
    public void sendAll(List<? extends ProducerRecord<?, ?>> records) {
        String topics = records.stream().map(ProducerRecord::topic).distinct().collect(Collectors.joining(", "));
        List<CompletableFuture<?>> sends = new ArrayList<>();
        try {
            for (ProducerRecord<?, ?> record : records) {
                sends.add(kafka.send((ProducerRecord<Object, Object>) record));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = kafkasOwn(e.getCause());
            throw new KafkaPublishException("publishing to " + topics + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new KafkaPublishException("no acknowledgement from " + topics + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPublishException("interrupted while publishing to " + topics, e);
        } catch (RuntimeException e) {
            // send() itself throws when the record can't even be serialized or the producer can't be had
            throw new KafkaPublishException("publishing to " + topics + " failed: " + e, e);
        }
    }

    /** The template wraps what the producer reported in a {@code KafkaProducerException} without words of its own. */
    private static Throwable kafkasOwn(Throwable failure) {
        return failure instanceof KafkaProducerException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
