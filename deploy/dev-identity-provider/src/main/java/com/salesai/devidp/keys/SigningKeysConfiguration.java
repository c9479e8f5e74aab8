package com.salesai.devidp.keys;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.salesai.devidp.DevIdpProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The JWK source Spring Authorization Server signs with and publishes at its JWKS endpoint. */
@Configuration(proxyBeanMethods = false)
class SigningKeysConfiguration {

    @Bean
    JWKSource<SecurityContext> jwkSource(DevIdpProperties properties) {
        return new ImmutableJWKSet<>(JwkSetFile.loadOrCreate(properties.keyFile()));
    }
}
