package com.salesai.platform.observability;

import org.slf4j.MDC;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The call a thread is working on, as MDC entries on every line it logs ({@code callId}, {@code orgId},
 * {@code userId}; {@code webhookId} in the ingest), so the JSON logs of every service can be searched by call. Open
 * one in a try-with-resources where the work on a call starts (a webhook request, a consumed record, an imported
 * meeting); code further down that learns more about the call adds it to {@link #current()}. Closing restores what
 * the keys held before, so nested contexts and pooled threads keep nothing of a finished call.
 */
public final class CallLogContext implements AutoCloseable {
    public static final String CALL_ID = "callId";
    public static final String ORG_ID = "orgId";
    public static final String USER_ID = "userId";
    public static final String WEBHOOK_ID = "webhookId";

    private static final ThreadLocal<CallLogContext> CURRENT = new ThreadLocal<>();
    /** What {@link #current()} answers outside any context: adds nothing, so nothing can leak into a pooled thread. */
    private static final CallLogContext NONE = new CallLogContext(null);

    private final CallLogContext outer;
    /** Each key this context set, with the value it replaced (null: there was none). */
    private final Map<String, String> replaced = new LinkedHashMap<>();

    private CallLogContext(CallLogContext outer) {
        this.outer = outer;
    }

    /** Opens a context on this thread; a null value leaves that key as it was (an outer context's, or none). */
    public static CallLogContext of(String callId, String orgId, String userId) {
        CallLogContext context = new CallLogContext(CURRENT.get());
        CURRENT.set(context);
        return context.with(CALL_ID, callId).with(ORG_ID, orgId).with(USER_ID, userId);
    }

    /** The innermost context open on this thread, or one that adds nothing. */
    public static CallLogContext current() {
        CallLogContext current = CURRENT.get();
        return current == null ? NONE : current;
    }

    /** Sets {@code key} until this context closes; a null value changes nothing. */
    public CallLogContext with(String key, String value) {
        if (this != NONE && value != null) {
            replaced.putIfAbsent(key, MDC.get(key));
            MDC.put(key, value);
        }
        return this;
    }

    @Override
    public void close() {
        if (this == NONE) {
            return;
        }
        replaced.forEach((key, previous) -> {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        });
        replaced.clear();
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
