package com.salesai.devidp.clients;

import com.salesai.devidp.DevIdpProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.net.URI;
import java.util.UUID;

/** The two clients: the pages ({@code call-intelligence-web}, public) and scripts ({@code call-intelligence-cli}). */
@Configuration(proxyBeanMethods = false)
class ClientsConfiguration {

    @Bean
    RegisteredClientRepository registeredClientRepository(DevIdpProperties properties, PasswordEncoder encoder) {
        return new InMemoryRegisteredClientRepository(web(properties.web()), cli(properties.cli(), encoder));
    }

    private static RegisteredClient web(DevIdpProperties.Web web) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(web.clientId().getBytes()).toString())
                .clientId(web.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> web.redirectUris().stream().map(URI::toString).forEach(uris::add))
                .postLogoutRedirectUris(uris -> web.postLogoutRedirectUris().stream().map(URI::toString)
                        .forEach(uris::add))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(web.accessTokenTimeToLive())
                        .refreshTokenTimeToLive(web.refreshTokenTimeToLive()).reuseRefreshTokens(false).build())
                .build();
    }

    private static RegisteredClient cli(DevIdpProperties.Cli cli, PasswordEncoder encoder) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(cli.clientId().getBytes()).toString())
                .clientId(cli.clientId())
                .clientSecret(encoder.encode(cli.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(cli.accessTokenTimeToLive()).build())
                .build();
    }
}
