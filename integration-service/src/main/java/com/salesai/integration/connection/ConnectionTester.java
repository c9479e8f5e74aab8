package com.salesai.integration.connection;

import com.salesai.integration.fathom.Caller;
import com.salesai.integration.fathom.FathomClient;
import com.salesai.integration.fathom.FathomRateLimitedException;
import com.salesai.integration.fathom.FathomUnauthorizedException;

/**
 * Tests an API key with one {@code GET /meetings}: the key's verdict (valid, invalid, rate limited, also when no
 * permit came within {@code FATHOM_PERMIT_WAIT}) is an answer;
 * Fathom being unreachable or failing is not, and propagates as the client's exception.
 */
public class ConnectionTester {
    private final FathomClient fathom;

    public ConnectionTester(FathomClient fathom) {
        this.fathom = fathom;
    }

    public ConnectionVerdict test(String apiKey) {
        try {
            return ConnectionVerdict.valid(
                    fathom.listMeetings(apiKey, Caller.REQUEST, null, null, false).items().size());
        } catch (FathomUnauthorizedException e) {
            return ConnectionVerdict.invalidKey();
        } catch (FathomRateLimitedException e) {
            return ConnectionVerdict.rateLimited(e.retryAfter().toSeconds());
        }
    }
}
