package com.salesai.emulator.api;

import com.salesai.emulator.users.Accounts;
import com.salesai.emulator.users.Person;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What Fathom does before any external API call: {@code X-Api-Key} must be a known key (else 401), then the
 * key's rate limits apply. Every answer past the key check carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset}; a refused call gets 429 with {@code Retry-After}
 * (only there, as documented) and a plain-text body.
 */
@Component
public class ApiKeyGuard implements HandlerInterceptor {
    public static final String API_KEY_HEADER = "X-Api-Key";
    public static final String KEY_ATTRIBUTE = "emulator.apiKey";
    public static final String USER_ATTRIBUTE = "emulator.user";

    private final Accounts accounts;
    private final RateLimiter limiter;

    public ApiKeyGuard(Accounts accounts, RateLimiter limiter) {
        this.accounts = accounts;
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String key = request.getHeader(API_KEY_HEADER);
        Person user = accounts.byKey(key).orElse(null);
        if (user == null) {
            response.setStatus(401);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"Invalid or missing API key\"}");
            return false;
        }
        boolean heavy = HeavyRequests.isHeavy(request);
        RateLimiter.Decision decision = limiter.admit(key, heavy);
        response.setHeader("RateLimit-Limit", Integer.toString(decision.limit()));
        response.setHeader("RateLimit-Remaining", Integer.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(decision.resetSeconds()));
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // Fathom's wording is only known from a third party's test suite; the shape (English text) is the point.
            response.getWriter().write("Currently, you are able to make a maximum of " + decision.limit()
                    + (decision.heavyWindow() ? " heavy (transcript or summary)" : "")
                    + " calls per " + RateLimiter.WINDOW_SECONDS + " seconds. Please try again in "
                    + decision.resetSeconds() + " seconds.");
            return false;
        }
        request.setAttribute(KEY_ATTRIBUTE, key);
        request.setAttribute(USER_ATTRIBUTE, user);
        return true;
    }
}
