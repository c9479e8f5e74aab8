package com.salesai.ingest.webhook;

import java.util.regex.Pattern;

/**
 * The user ids a webhook URL may name: the token subjects of our identity providers (the design's id alphabet, plus
 * the {@code . @ : +} that email-like and provider-prefixed subjects use), bounded. Anything else names no integration
 * and is answered 404 before it reaches a log line, so a crafted path can't forge or flood one.
 */
final class WebhookUserIds {
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.@:+-]{1,128}");

    private WebhookUserIds() {
    }

    static boolean isValid(String userId) {
        return userId != null && USER_ID.matcher(userId).matches();
    }
}
