package com.salesai.dashboard.stream;

import com.salesai.dashboard.access.Caller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Open streams end when the context starts closing, so they cannot hold up the web server's graceful shutdown. */
class CallStatusHubShutdownTest {

    @Test
    void closingTheContextCompletesEveryOpenStream() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(StreamProperties.class, () -> new StreamProperties(Duration.ofMinutes(1),
                Duration.ofMinutes(30), 5, 100));
        context.registerBean(SimpleMeterRegistry.class, () -> meters);
        context.register(CallStatusHub.class);
        context.refresh();
        CallStatusHub hub = context.getBean(CallStatusHub.class);
        hub.subscribe(new Caller("alice", "org-1", Caller.Role.MEMBER, "Alice"), null);
        hub.subscribe(new Caller("boss", "org-1", Caller.Role.HEAD_OF_SALES, "Boss"), null);
        assertThat(meters.get("dashboard.sse.subscribers").gauge().value()).isEqualTo(2);

        // what close() publishes first, before any lifecycle stops (the web server's graceful shutdown among them)
        context.publishEvent(new ContextClosedEvent(context));

        assertThat(meters.get("dashboard.sse.subscribers").gauge().value()).isZero();
        context.close();
    }
}
