package com.salesai.ingest.webhook;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Lets a sender whose body was left unread (refused before it, or past the limit) read its answer rather than find
 * the connection reset under it: once the answer is sent, what it still sends is read and thrown away, until the body
 * ends or the read timeout, counted from the request's arrival, runs out. Then Tomcat closes the connection after one
 * more read instead of draining it ({@code server.tomcat.max-swallow-size} 0), so a slow sender holds a request
 * thread no longer than one whose body is read. Nothing is kept: the bytes go through one small buffer.
 */
class UnreadBodyDrain implements Filter {
    private final Clock clock;
    private final Duration readTimeout;

    UnreadBodyDrain(Clock clock, Duration readTimeout) {
        this.clock = clock;
        this.readTimeout = readTimeout;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Instant deadline = clock.instant().plus(readTimeout);
        chain.doFilter(request, response);
        ServletInputStream body = request.getInputStream();
        // Not committed: Tomcat itself is to answer (a read that failed), and nothing more can be read anyway.
        if (response.isCommitted() && !body.isFinished()) {
            response.flushBuffer();
            BoundedBody.discard(body, clock, deadline);
        }
    }
}
