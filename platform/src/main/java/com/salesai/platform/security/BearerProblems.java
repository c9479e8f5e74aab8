package com.salesai.platform.security;

import com.salesai.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/**
 * Bearer-token failures as problem+json, like the operator filter's: a missing or refused token is a 401 with
 * Spring's {@code WWW-Authenticate} header; an identity provider that cannot be reached is a 503 with
 * {@code Retry-After}, since the token was never judged. Any other failure on the server's side stays an error.
 */
final class BearerProblems implements AuthenticationEntryPoint, AuthenticationFailureHandler {
    static final String PROVIDER_UNAVAILABLE = "urn:problem:identity-provider-unavailable";
    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(BearerProblems.class);

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearer.commence(request, response, e);
        ProblemResponses.write(response, response.getStatus(), "about:blank", "Unauthorized",
                "A valid bearer token is required");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException {
        if (e instanceof AuthenticationServiceException && e.getCause() instanceof IdentityProviderUnavailableException) {
            log.warn("{}", e.getCause().getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            ProblemResponses.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, PROVIDER_UNAVAILABLE,
                    "Identity provider unavailable", "The token could not be checked: the identity provider is "
                            + "unreachable; retry shortly");
            return;
        }
        if (e instanceof AuthenticationServiceException) {
            throw e;
        }
        commence(request, response, e);
    }
}
