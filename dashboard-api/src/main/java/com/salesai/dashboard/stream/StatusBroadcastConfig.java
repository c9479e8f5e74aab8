package com.salesai.dashboard.stream;

import com.salesai.platform.kafka.DeclaredTopics;
import com.salesai.platform.kafka.TopicFollower;
import com.salesai.platform.kafka.TopicFollowers;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The broadcast topic that carries status changes from the instance that applied them to every dashboard instance.
 * One partition keeps the changes of all calls in the order they were applied; a short retention suffices because
 * a feed only reads from its start-up on (clients reconcile with {@code GET /api/calls} after reconnecting).
 */
@Configuration(proxyBeanMethods = false)
class StatusBroadcastConfig {
    static final String TOPIC = "dashboard.call-status";
    /** Start-up waits this long at most until the feed knows where it starts, so no change applied after is missed. */
    private static final Duration POSITIONED_WAIT = Duration.ofSeconds(15);

    @Bean
    NewTopic statusBroadcastTopic(DeclaredTopics topics) {
        return topics.broadcast(TOPIC, Duration.ofHours(1));
    }

    /** Every instance reads the broadcast from its end, without a consumer group. */
    @Bean
    TopicFollower statusFeed(TopicFollowers followers, CallStatusHub hub) {
        return followers.follow(TOPIC).from(TopicFollower.From.END).clientId("dashboard-status-feed")
                .awaitPositionedOnStart(POSITIONED_WAIT).build(new StatusFeed(hub));
    }
}
