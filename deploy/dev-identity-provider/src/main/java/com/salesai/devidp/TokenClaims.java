package com.salesai.devidp;

import com.salesai.devidp.users.SeededUsers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims the APIs read: access tokens carry the audience and {@code org_id}, {@code org_role}, {@code name},
 * {@code email} of the signed-in user (or of the scripts' client); ID tokens carry the same person's details for
 * the pages. {@code sub} is the principal's name, which {@link SeededUsers} makes the user's id.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {
    private final SeededUsers users;
    private final DevIdpProperties properties;

    TokenClaims(SeededUsers users, DevIdpProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        Map<String, Object> person = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                ? ofClient(context.getRegisteredClient().getClientId())
                : users.bySub(context.getPrincipal().getName()).map(TokenClaims::ofUser).orElse(Map.of());
        context.getClaims().claims(claims -> claims.putAll(person));
        if (accessToken) {
            // the APIs accept only tokens meant for them; the client id (the default) says nothing to them
            context.getClaims().audience(List.of(properties.audience()));
        }
    }

    static Map<String, Object> ofUser(DevIdpProperties.User user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("org_id", user.orgId());
        claims.put("org_role", user.orgRole());
        claims.put("name", user.name());
        claims.put("email", user.email());
        return claims;
    }

    private Map<String, Object> ofClient(String clientId) {
        DevIdpProperties.Cli cli = properties.cli();
        if (!cli.clientId().equals(clientId)) {
            return Map.of();
        }
        return Map.of("org_id", cli.orgId(), "org_role", cli.orgRole(), "name", cli.name());
    }
}
