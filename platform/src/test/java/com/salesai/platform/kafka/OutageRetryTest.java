package com.salesai.platform.kafka;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class OutageRetryTest {
    private static final OutageRetry OUTAGE = new OutageRetry(Duration.ofMillis(1), Duration.ofMillis(2));
    private static final TopicPartition PARTITION = new TopicPartition("calls.recorded", 0);
    private static final ConsumerRecord<String, String> RECORD = new ConsumerRecord<>("calls.recorded", 0, 7, "k",
            "v");

    @Test
    void mongoAndBrokerOutagesAreTransientAnywhereInTheCauseChain() {
        assertThat(OutageRetry.isTransient(new DataAccessResourceFailureException("down"))).isTrue();
        assertThat(OutageRetry.isTransient(new MongoTimeoutException("no server"))).isTrue();
        assertThat(OutageRetry.isTransient(wrapped(new MongoSocketReadException("reset",
                new ServerAddress())))).isTrue();
        // the publisher's bounded wait for the broker's ack, and the producer's own timeout
        assertThat(OutageRetry.isTransient(new IllegalStateException("publishing failed",
                new TimeoutException()))).isTrue();
        assertThat(OutageRetry.isTransient(new IllegalStateException("publishing failed", new ExecutionException(
                new org.apache.kafka.common.errors.TimeoutException("expired"))))).isTrue();
    }

    @Test
    void processingErrorsAreNotTransient() {
        assertThat(OutageRetry.isTransient(wrapped(new IllegalArgumentException("bad answer")))).isFalse();
        assertThat(OutageRetry.isTransient(new RuntimeException("OpenAI 500"))).isFalse();
        assertThat(OutageRetry.isTransient(new java.net.SocketTimeoutException("OpenAI read timed out"))).isFalse();
    }

    @Test
    void anOutageIsRetriedPastTheAttemptsAndARealErrorAfterItStillGetsAllOfThem() {
        List<Exception> recovered = new ArrayList<>();
        // 3 deliveries in all for a real error
        var handler = new DefaultErrorHandler((record, e) -> recovered.add(e), new FixedBackOff(0, 2));
        OUTAGE.applyTo(handler);
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(PARTITION));
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        when(container.isRunning()).thenReturn(true);

        for (int i = 0; i < 20; i++) {
            deliverFailing(handler, consumer, container, new DataAccessResourceFailureException("mongo down"));
        }
        assertThat(recovered).as("recovered during the outage").isEmpty();

        deliverFailing(handler, consumer, container, new IllegalArgumentException("bad answer"));
        deliverFailing(handler, consumer, container, new IllegalArgumentException("bad answer"));
        assertThat(recovered).isEmpty();
        deliverFailing(handler, consumer, container, new IllegalArgumentException("bad answer"));
        assertThat(recovered).hasSize(1);
        assertThat(recovered.get(0)).hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    private static void deliverFailing(DefaultErrorHandler handler, MockConsumer<String, String> consumer,
                                       MessageListenerContainer container, Exception cause) {
        try {
            handler.handleRemaining(wrapped(cause), List.of(RECORD), consumer, container);
        } catch (RuntimeException e) {
            // the handler's package-private RecordInRetryException: seeked back, the record will come again
            assertThat(e.getClass().getSimpleName()).isEqualTo("RecordInRetryException");
        }
    }

    private static ListenerExecutionFailedException wrapped(Exception cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
    }
}
