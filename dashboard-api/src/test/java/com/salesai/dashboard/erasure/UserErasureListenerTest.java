package com.salesai.dashboard.erasure;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.salesai.schema.events.UserCallsErasureRequested;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lines of a member's erasure carry the member and the org, as every line about their calls does. */
class UserErasureListenerTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(UserErasureListener.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @AfterEach
    void detach() {
        logger.detachAppender(lines);
    }

    @Test
    void theErasureLogsInTheMembersContextAndLeavesNoneBehind() {
        lines.start();
        logger.addAppender(lines);
        CallErasureRequests requests = new CallErasureRequests(null, null) {
            @Override
            int eraseAllOf(String orgId, String userId, String requestedBy) {
                return MDC.get("userId") == null ? -1 : 2;
            }
        };

        new UserErasureListener(requests).onRequested(
                UserCallsErasureRequested.of("alice", "org-1", "alice", Instant.now()));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getMDCPropertyMap()).isEqualTo(Map.of("orgId", "org-1", "userId", "alice"));
            assertThat(line.getFormattedMessage()).endsWith(": 2 call(s) erased");
        });
        assertThat(MDC.get("userId")).isNull();
    }
}
