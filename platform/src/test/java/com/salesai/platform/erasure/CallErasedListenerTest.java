package com.salesai.platform.erasure;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.salesai.schema.events.CallErased;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The erasure runs, and its lines are logged, in the erased call's context; failures reach the error handler. */
class CallErasedListenerTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(CallErasedListener.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Map<String, String> mdcWhileErasing = new HashMap<>();
    private final List<String> erased = new ArrayList<>();

    @BeforeEach
    void attach() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(lines);
    }

    @Test
    void theErasureRunsAndLogsInTheCallsContextAndLeavesNoneBehind() {
        listener(event -> {
            mdcWhileErasing.putAll(MDC.getCopyOfContextMap());
            erased.add(event.callId());
        }).onErased(CallErased.of("call-1", "org-1", "alice", Instant.now()));

        assertThat(erased).containsExactly("call-1");
        assertThat(mdcWhileErasing).containsEntry("callId", "call-1").containsEntry("orgId", "org-1");
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getMDCPropertyMap()).isEqualTo(Map.of("callId", "call-1", "orgId", "org-1"));
            assertThat(line.getFormattedMessage()).isEqualTo("call call-1 erased (test-erasure)");
        });
        assertThat(MDC.get("callId")).isNull();
    }

    @Test
    void aTombstoneIsSkipped() {
        listener(event -> erased.add(event.callId())).onErased(null);

        assertThat(erased).isEmpty();
        assertThat(lines.list).isEmpty();
    }

    @Test
    void aFailedErasurePropagatesAndLogsNoSuccess() {
        CallErasedListener listener = listener(event -> {
            throw new IllegalStateException("store down");
        });

        assertThatThrownBy(() -> listener.onErased(CallErased.of("call-1", "org-1", "alice", Instant.now())))
                .hasMessage("store down");
        assertThat(lines.list).isEmpty();
        assertThat(MDC.get("callId")).isNull();
    }

    private static CallErasedListener listener(java.util.function.Consumer<CallErased> erase) {
        return new CallErasedListener(new CallErasureHandler() {
            @Override
            public String consumerGroup() {
                return "test-erasure";
            }

            @Override
            public void erase(CallErased erased) {
                erase.accept(erased);
            }
        });
    }
}
