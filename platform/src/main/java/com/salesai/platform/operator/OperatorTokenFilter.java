package com.salesai.platform.operator;

import com.salesai.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Every write operation on the management port ({@code POST}, {@code PUT}, {@code DELETE} on an actuator endpoint)
 * is a platform operation: it takes the operator token as a bearer token, never a tenant's JWT. Without a usable
 * token the operations do not exist (404). Each attempt leaves one audit line: operation, caller address, outcome.
 */
final class OperatorTokenFilter extends OncePerRequestFilter {
    private static final Logger audit = LoggerFactory.getLogger("com.salesai.platform.operator.audit");
    private static final String BEARER = "Bearer ";

    private final OperatorProperties operator;
    private final String actuatorBasePath;

    OperatorTokenFilter(OperatorProperties operator, String actuatorBasePath) {
        this.operator = operator;
        this.actuatorBasePath = actuatorBasePath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod())
                || HttpMethod.OPTIONS.matches(request.getMethod()) || !path.startsWith(actuatorBasePath + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String operation = request.getMethod() + " " + request.getRequestURI();
        if (!operator.enabled()) {
            audit.warn("operator operation {} from {} refused: no operator token configured (APP_ADMIN_TOKEN, at least "
                    + "{} characters)", operation, request.getRemoteAddr(), OperatorProperties.MIN_LENGTH);
            ProblemResponses.write(response, HttpServletResponse.SC_NOT_FOUND, "about:blank", "Not Found",
                    "Platform operations are off: no operator token is configured");
            return;
        }
        if (!presentsTheToken(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            audit.warn("operator operation {} from {} refused: missing or wrong operator token", operation,
                    request.getRemoteAddr());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "about:blank", "Unauthorized",
                    "Platform operations take the operator token as a bearer token");
            return;
        }
        chain.doFilter(request, response);
        audit.info("operator operation {} from {} done: status {}", operation, request.getRemoteAddr(),
                response.getStatus());
    }

    private boolean presentsTheToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, operator.token().strip().getBytes(StandardCharsets.UTF_8));
    }
}
