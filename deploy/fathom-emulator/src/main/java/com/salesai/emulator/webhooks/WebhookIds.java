package com.salesai.emulator.webhooks;

import java.security.SecureRandom;

/** Ids as Fathom gives them to webhooks: 16 letters and digits (e.g. "ikEoQ4bVoq4JYUmc"), no prefix. */
final class WebhookIds {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookIds() {
    }

    static String next() {
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
