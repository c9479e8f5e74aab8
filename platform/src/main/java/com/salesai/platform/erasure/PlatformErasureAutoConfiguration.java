package com.salesai.platform.erasure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The erasure plumbing every service shares: the {@code calls.erased} consumer and the erased-calls marks. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
public class PlatformErasureAutoConfiguration {

    @Bean
    @ConditionalOnBean(CallErasureHandler.class)
    CallErasedListener callErasedListener(CallErasureHandler handler) {
        return new CallErasedListener(handler);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    static class ErasedCallsConfiguration {
        @Bean
        @ConditionalOnBean(MongoTemplate.class)
        @ConditionalOnMissingBean
        ErasedCalls erasedCalls(MongoTemplate mongo) {
            return new ErasedCalls(mongo);
        }
    }
}
