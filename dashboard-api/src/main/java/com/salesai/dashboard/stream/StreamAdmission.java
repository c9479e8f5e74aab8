package com.salesai.dashboard.stream;

import java.util.HashMap;
import java.util.Map;

/**
 * Bounds the open streams of one user and of this instance: a user's forgotten tabs or a looping script cannot take
 * the connections every other user's live updates need. Each admitted stream is released exactly once.
 */
final class StreamAdmission {

    enum Verdict { ADMITTED, USER_LIMIT, INSTANCE_LIMIT }

    private record UserKey(String orgId, String userId) {
    }

    private final int maxPerUser;
    private final int maxPerInstance;
    private final Map<UserKey, Integer> openByUser = new HashMap<>();
    private int open;

    StreamAdmission(int maxPerUser, int maxPerInstance) {
        if (maxPerUser < 1 || maxPerInstance < maxPerUser) {
            throw new IllegalArgumentException("Stream limits need 1 <= per user (" + maxPerUser
                    + ") <= per instance (" + maxPerInstance + ")");
        }
        this.maxPerUser = maxPerUser;
        this.maxPerInstance = maxPerInstance;
    }

    synchronized Verdict admit(String orgId, String userId) {
        if (open >= maxPerInstance) {
            return Verdict.INSTANCE_LIMIT;
        }
        UserKey key = new UserKey(orgId, userId);
        int mine = openByUser.getOrDefault(key, 0);
        if (mine >= maxPerUser) {
            return Verdict.USER_LIMIT;
        }
        openByUser.put(key, mine + 1);
        open++;
        return Verdict.ADMITTED;
    }

    synchronized void release(String orgId, String userId) {
        UserKey key = new UserKey(orgId, userId);
        Integer mine = openByUser.get(key);
        if (mine == null) {
            throw new IllegalStateException("Released a stream that was not admitted");
        }
        if (mine == 1) {
            openByUser.remove(key);
        } else {
            openByUser.put(key, mine - 1);
        }
        open--;
    }

    synchronized int open() {
        return open;
    }
}
