package com.salesai.integration.config;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one Fathom-calling request (connection test, save) per user at a time on this instance: a burst of
 * tests from one user gets 409s at once instead of holding request threads every other user needs.
 */
@Component
public class UserCallSlots {
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    /** A slot held until closed. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** @throws ErrorResponseException 409 problem+json while this user's previous request is still running */
    public Slot take(String userId) {
        if (!busy.add(userId)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "A Fathom request of this user is still running; retry when it has answered");
            problem.setTitle("Fathom request already running");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        return () -> busy.remove(userId);
    }
}
