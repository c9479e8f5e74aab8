package com.salesai.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The JWT resource server of every user-facing service: the decoder from {@code app.auth}, CORS from {@code app.cors}. */
@AutoConfiguration
// a resource server: Spring Security's web configuration present, not just the JOSE library (tests carry that)
@ConditionalOnClass({JwtDecoder.class, HttpSecurity.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({AuthProperties.class, CorsProperties.class})
public class PlatformSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(AuthProperties auth) {
        return JwtDecoderFactory.create(auth);
    }
}
