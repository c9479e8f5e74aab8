package com.salesai.dashboard.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The SSE stream: how often a heartbeat comment keeps idle connections (and proxies) alive, how long one
 * connection may live before the client is expected to reconnect (never past its token's expiry), and how many
 * connections one user and this instance may hold open.
 */
@ConfigurationProperties("app.stream")
public record StreamProperties(@DefaultValue("15s") Duration heartbeat, @DefaultValue("30m") Duration timeout,
                               @DefaultValue("5") int maxPerUser, @DefaultValue("1000") int maxPerInstance) {
}
