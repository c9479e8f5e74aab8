package com.salesai.integration.calls;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.salesai.schema.events.CallErased;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The erasure's lines carry the erased call, as every other line about a call does. */
class CallErasedListenerTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(CallErasedListener.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @AfterEach
    void detach() {
        logger.detachAppender(lines);
    }

    @Test
    void theErasureLogsInTheCallsContextAndLeavesNoneBehind() {
        lines.start();
        logger.addAppender(lines);
        Map<String, String> whileForgetting = new HashMap<>();
        KnownCalls known = new KnownCalls(null) {
            @Override
            void forget(String callId, Instant erasedAt) {
                whileForgetting.putAll(MDC.getCopyOfContextMap());
            }
        };

        new CallErasedListener(known).onErased(CallErased.of("call-1", "org-1", "alice", Instant.now()));

        assertThat(whileForgetting).containsEntry("callId", "call-1").containsEntry("orgId", "org-1");
        assertThat(lines.list).singleElement().extracting(ILoggingEvent::getMDCPropertyMap)
                .isEqualTo(Map.of("callId", "call-1", "orgId", "org-1"));
        assertThat(MDC.get("callId")).isNull();
    }
}
