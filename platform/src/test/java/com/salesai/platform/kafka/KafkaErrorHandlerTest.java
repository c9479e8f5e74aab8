package com.salesai.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.converter.ConversionException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The error handler every service's listeners get, as the auto-configuration builds it over Boot's Kafka beans. */
class KafkaErrorHandlerTest {
    private static final String TOPIC = "calls.recorded";
    private static final ConsumerRecord<String, byte[]> RECORD = new ConsumerRecord<>(TOPIC, 3, 42, "call-1",
            "{\"callId\":\"call-1\"}".getBytes(StandardCharsets.UTF_8));

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
                    PlatformKafkaAutoConfiguration.class))
            .withUserConfiguration(MockBroker.class)
            .withPropertyValues("app.kafka.retry.attempts=3", "app.kafka.retry.initial-interval=1ms");

    @Test
    void aRecordWhoseAttemptsAreSpentGoesToItsDeadLetterTopicOnTheSamePartitionAsItWasRead() {
        context.run(context -> {
            var handler = context.getBean(DefaultErrorHandler.class);

            assertThat(deliverFailing(handler, new IllegalStateException("bug"))).isFalse();
            assertThat(deliverFailing(handler, new IllegalStateException("bug"))).isFalse();
            assertThat(sent(context)).isEmpty();
            assertThat(deliverFailing(handler, new IllegalStateException("bug"))).as("third attempt").isTrue();

            assertThat(sent(context)).singleElement().satisfies(dead -> {
                assertThat(dead.topic()).isEqualTo("calls.recorded.DLT");
                assertThat(dead.partition()).isEqualTo(3);
                assertThat(dead.key()).isEqualTo("call-1");
                assertThat(dead.value()).isEqualTo(RECORD.value());
                assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-fqcn").value(),
                        StandardCharsets.UTF_8)).isEqualTo(ListenerExecutionFailedException.class.getName());
            });
        });
    }

    @Test
    void aValueThatCannotBeConvertedToItsEventIsDeadLetteredAtOnce() {
        context.run(context -> {
            assertThat(deliverFailing(context.getBean(DefaultErrorHandler.class),
                    new ConversionException("Failed to convert from JSON", RECORD, null))).isTrue();

            assertThat(sent(context)).singleElement()
                    .satisfies(dead -> assertThat(dead.topic()).isEqualTo("calls.recorded.DLT"));
        });
    }

    @Test
    void aServicesRecovererReplacesTheDeadLetterTopicAndItsNotRetryableErrorsSkipTheRetries() {
        context.withUserConfiguration(ServiceRecovery.class).run(context -> {
            var handler = context.getBean(DefaultErrorHandler.class);

            assertThat(deliverFailing(handler, new UnsupportedOperationException("bad key"))).isTrue();

            assertThat(context.getBean(ServiceRecovery.class).recovered).singleElement()
                    .satisfies(e -> assertThat(e).hasRootCauseInstanceOf(UnsupportedOperationException.class));
            assertThat(sent(context)).isEmpty();
        });
    }

    @Test
    void bootsContainerFactoryTakesThePlatformsHandlerUnlessTheServiceHasItsOwn() {
        context.run(context -> assertThat(containerErrorHandler(context.getBean(
                "kafkaListenerContainerFactory", ConcurrentKafkaListenerContainerFactory.class)))
                .isSameAs(context.getBean(DefaultErrorHandler.class)));
        context.withBean(CommonErrorHandler.class, CommonLoggingErrorHandler::new).run(context -> {
            assertThat(context).doesNotHaveBean(DefaultErrorHandler.class);
            assertThat(containerErrorHandler(context.getBean("kafkaListenerContainerFactory",
                    ConcurrentKafkaListenerContainerFactory.class))).isInstanceOf(CommonLoggingErrorHandler.class);
        });
    }

    /** @return whether the record was recovered (else it is to be delivered again) */
    private static boolean deliverFailing(DefaultErrorHandler handler, Exception cause) {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(new TopicPartition(TOPIC, 3)));
        consumer.updatePartitions("calls.recorded.DLT", IntStream.range(0, 4).mapToObj(p -> new PartitionInfo(
                "calls.recorded.DLT", p, Node.noNode(), new Node[0], new Node[0])).toList());
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        when(container.isRunning()).thenReturn(true);
        try {
            handler.handleRemaining(new ListenerExecutionFailedException("listener failed", cause), List.of(RECORD),
                    consumer, container);
            return true;
        } catch (RuntimeException e) {
            // the handler's package-private RecordInRetryException: seeked back, the record will come again
            assertThat(e.getClass().getSimpleName()).isEqualTo("RecordInRetryException");
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<ProducerRecord<Object, Object>> sent(BeanFactory context) {
        return context.getBean(MockProducer.class).history();
    }

    @SuppressWarnings("rawtypes")
    private static CommonErrorHandler containerErrorHandler(ConcurrentKafkaListenerContainerFactory factory) {
        return factory.createContainer(TOPIC).getCommonErrorHandler();
    }

    /** Boot's template on a mock producer that acknowledges every send. */
    @Configuration(proxyBeanMethods = false)
    static class MockBroker {
        @Bean
        MockProducer<Object, Object> mockProducer() {
            Serializer<Object> keys = (topic, key) -> ((String) key).getBytes(StandardCharsets.UTF_8);
            return new MockProducer<>(true, null, keys, new EventSerializer()) {
                @Override
                public void close(Duration timeout) {
                }
            };
        }

        @Bean
        ProducerFactory<Object, Object> kafkaProducerFactory(MockProducer<Object, Object> mockProducer) {
            return new MockProducerFactory<>(() -> mockProducer);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ServiceRecovery {
        final List<Exception> recovered = new ArrayList<>();

        @Bean
        ConsumerRecordRecoverer serviceRecoverer() {
            return (record, exception) -> recovered.add(exception);
        }

        @Bean
        NotRetryableExceptions serviceNotRetryable() {
            return new NotRetryableExceptions(List.of(UnsupportedOperationException.class));
        }
    }
}
