package com.salesai.platform.observability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallLogContextTest {

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void setsTheCallKeysWhileOpenAndLeavesNothingBehind() {
        try (CallLogContext context = CallLogContext.of("call-1", "org-1", "user-1")) {
            assertThat(context).isSameAs(CallLogContext.current());
            assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("callId", "call-1", "orgId", "org-1",
                    "userId", "user-1"));
        }
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void whatIsLearnedLaterJoinsTheCurrentContextUntilItCloses() {
        try (CallLogContext ignored = CallLogContext.of(null, null, "user-1")) {
            CallLogContext.current().with(CallLogContext.WEBHOOK_ID, "msg_1").with(CallLogContext.ORG_ID, "org-1");
            assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("userId", "user-1", "webhookId", "msg_1",
                    "orgId", "org-1"));
        }
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void aNestedContextRestoresTheOuterOnesValues() {
        try (CallLogContext outer = CallLogContext.of("call-1", "org-1", "user-1")) {
            try (CallLogContext inner = CallLogContext.of("call-2", null, "user-2")) {
                assertThat(MDC.get("callId")).isEqualTo("call-2");
                assertThat(MDC.get("orgId")).as("null keeps the outer value").isEqualTo("org-1");
                assertThat(CallLogContext.current()).isSameAs(inner);
            }
            assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("callId", "call-1", "orgId", "org-1",
                    "userId", "user-1"));
            assertThat(CallLogContext.current()).isSameAs(outer);
        }
    }

    @Test
    void outsideAnyContextNothingIsAdded() {
        CallLogContext.current().with(CallLogContext.CALL_ID, "leaked").close();

        assertThat(MDC.get("callId")).isNull();
    }
}
