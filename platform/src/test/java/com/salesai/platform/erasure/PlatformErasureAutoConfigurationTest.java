package com.salesai.platform.erasure;

import com.salesai.schema.events.CallErased;
import com.salesai.schema.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class PlatformErasureAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
                    PlatformErasureAutoConfiguration.class))
            .withPropertyValues("spring.kafka.listener.auto-startup=false");

    @Test
    void aServiceWithAnErasureHandlerConsumesCallsErasedInItsOwnGroup() {
        runner.withBean(CallErasureHandler.class, () -> handler("billing-erasure")).run(context -> {
            MessageListenerContainer container = context.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer("billing-erasure");
            assertThat(container).isNotNull();
            assertThat(container.getGroupId()).isEqualTo("billing-erasure");
            assertThat(container.getContainerProperties().getTopics()).containsExactly(Topics.CALLS_ERASED);
        });
    }

    @Test
    void aServiceWithoutOneHasNoErasureConsumer() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CallErasedListener.class));
    }

    @Test
    void theErasedCallsMarksNeedMongo() {
        runner.withBean(MongoTemplate.class, () -> mock(MongoTemplate.class))
                .run(context -> assertThat(context).hasSingleBean(ErasedCalls.class));
        runner.run(context -> assertThat(context).doesNotHaveBean(ErasedCalls.class));
        runner.withClassLoader(new FilteredClassLoader(MongoTemplate.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ErasedCalls.class));
    }

    private static CallErasureHandler handler(String group) {
        return new CallErasureHandler() {
            @Override
            public String consumerGroup() {
                return group;
            }

            @Override
            public void erase(CallErased erased) {
            }
        };
    }
}
