package com.salesai.platform.kafka;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AckedSenderTest {
    private static final Duration TIMEOUT = Duration.ofMillis(200);

    @Test
    void returnsOnceEveryRecordIsAcknowledged() {
        var producer = producer(true);

        sender(producer).sendAll(List.of(new ProducerRecord<>("calls.recorded", "c1", "one"),
                new ProducerRecord<>("calls.recorded", "c2", "two")));

        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("c1", "c2");
    }

    @Test
    void noAcknowledgementWithinTheTimeoutIsAFailureWithinTheTimeout() {
        var producer = producer(false);
        long start = System.nanoTime();

        assertThatThrownBy(() -> sender(producer).send("calls.recorded", "c1", "one"))
                .isInstanceOf(KafkaPublishException.class)
                .hasMessage("no acknowledgement from calls.recorded within PT0.2S")
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(OutageRetry.isTransient(new IllegalStateException(new KafkaPublishException("x",
                new TimeoutException())))).as("an outage for the error handler").isTrue();
    }

    @Test
    void aRefusedRecordCarriesKafkasReason() {
        var producer = producer(false);
        var sender = sender(producer);
        Thread broker = new Thread(() -> {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!producer.errorNext(new RecordTooLargeException("too large")) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        });
        broker.start();

        assertThatThrownBy(() -> sender.send("calls.recorded", "c1", "one"))
                .isInstanceOf(KafkaPublishException.class)
                .hasMessageStartingWith("publishing to calls.recorded failed")
                .hasCauseInstanceOf(RecordTooLargeException.class);
    }

    /** One producer for every send, as Boot's factory shares one: the template's close after a send is a no-op. */
    private static MockProducer<Object, Object> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new ObjectSerializer(), new ObjectSerializer()) {
            @Override
            public void close(Duration timeout) {
            }
        };
    }

    private static AckedSender sender(MockProducer<Object, Object> producer) {
        return new AckedSender(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), TIMEOUT);
    }

    /** MockProducer serializes what it is given; the test records are strings. */
    static final class ObjectSerializer implements org.apache.kafka.common.serialization.Serializer<Object> {
        private final StringSerializer strings = new StringSerializer();

        @Override
        public byte[] serialize(String topic, Object data) {
            return strings.serialize(topic, (String) data);
        }
    }
}
