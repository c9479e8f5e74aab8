package com.salesai.ingest.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookUserIdsTest {

    @Test
    void subjectsOfCommonIdentityProvidersAreValid() {
        assertThat(WebhookUserIds.isValid("alice")).isTrue();
        assertThat(WebhookUserIds.isValid("5f0c8a1e-3b7d-4c2a-9e61-0d2b7c4f8a90")).isTrue();
        assertThat(WebhookUserIds.isValid("AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ")).isTrue();
        assertThat(WebhookUserIds.isValid("alice.martin+sales@acme.com")).isTrue();
        assertThat(WebhookUserIds.isValid("google-oauth2:1234567890")).isTrue();
        assertThat(WebhookUserIds.isValid("u".repeat(128))).isTrue();
    }

    @Test
    void whatCouldForgeOrFloodALogLineIsInvalid() {
        assertThat(WebhookUserIds.isValid(null)).isFalse();
        assertThat(WebhookUserIds.isValid("")).isFalse();
        assertThat(WebhookUserIds.isValid("alice\nINFO forged line")).isFalse();
        assertThat(WebhookUserIds.isValid("alice bob")).isFalse();
        assertThat(WebhookUserIds.isValid("alice\u0000")).isFalse();
        assertThat(WebhookUserIds.isValid("alice|org")).isFalse();
        assertThat(WebhookUserIds.isValid("u".repeat(129))).isFalse();
    }
}
