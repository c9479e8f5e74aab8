package com.salesai.platform.operator;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** The operator token guard, in the context that serves actuator (the management port's own, when it has one). */
@ManagementContextConfiguration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(OperatorProperties.class)
class OperatorManagementContextConfiguration {

    @Bean
    FilterRegistrationBean<OperatorTokenFilter> operatorTokenFilter(OperatorProperties operator,
                                                                   WebEndpointProperties endpoints) {
        var registration = new FilterRegistrationBean<>(new OperatorTokenFilter(operator, endpoints.getBasePath()));
        // before Spring Security's chain: a platform operation is never decided by a tenant's token
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
