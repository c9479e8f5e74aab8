package com.salesai.emulator.api;

import com.salesai.emulator.EmulatorProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Fathom does before any external API call: {@code X-Api-Key} must be a known key (else 401), and each key
 * gets {@code requestsPerMinute} per fixed minute window (else 429 with {@code Retry-After} and
 * {@code RateLimit-*} headers, which successful answers carry too).
 */
@Component
public class ApiKeyGuard implements HandlerInterceptor {
    public static final String API_KEY_HEADER = "X-Api-Key";
    public static final String KEY_ATTRIBUTE = "emulator.apiKey";
    private static final long WINDOW_SECONDS = 60;

    private final EmulatorProperties properties;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public ApiKeyGuard(EmulatorProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String key = request.getHeader(API_KEY_HEADER);
        if (key == null || !properties.apiKeys().contains(key)) {
            reject(response, 401, "{\"error\":\"unauthorized\",\"message\":\"Invalid or missing API key\"}");
            return false;
        }
        long now = clock.instant().getEpochSecond();
        Window window = windows.compute(key, (k, w) -> w == null || now >= w.start + WINDOW_SECONDS
                ? new Window(now, 1) : new Window(w.start, w.count + 1));
        long reset = Math.max(1, window.start + WINDOW_SECONDS - now);
        int limit = properties.requestsPerMinute();
        response.setHeader("RateLimit-Limit", Integer.toString(limit));
        response.setHeader("RateLimit-Remaining", Integer.toString(Math.max(0, limit - window.count)));
        response.setHeader("RateLimit-Reset", Long.toString(reset));
        if (window.count > limit) {
            response.setHeader("Retry-After", Long.toString(reset));
            reject(response, 429, "{\"error\":\"rate_limited\",\"message\":\"Rate limit exceeded\"}");
            return false;
        }
        request.setAttribute(KEY_ATTRIBUTE, key);
        return true;
    }

    private static void reject(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write(body);
    }

    private record Window(long start, int count) {
    }
}
