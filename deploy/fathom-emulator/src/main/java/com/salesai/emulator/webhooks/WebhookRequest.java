package com.salesai.emulator.webhooks;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /external/v1/webhooks}, checked as Fathom's schema does: no other fields
 * ({@code additionalProperties: false}), {@code destination_url} and a non-empty {@code triggered_for} of known
 * values required, and at least one {@code include_*} true.
 */
record WebhookRequest(String destinationUrl, boolean includeTranscript, boolean includeSummary,
                      boolean includeActionItems, boolean includeCrmMatches, List<String> triggeredFor) {
    private static final Set<String> FIELDS = Set.of("destination_url", "include_transcript", "include_summary",
            "include_action_items", "include_crm_matches", "triggered_for");

    WebhookRequest {
        triggeredFor = List.copyOf(triggeredFor);
    }

    /** @throws IllegalArgumentException saying what Fathom would refuse */
    static WebhookRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field " + field);
            }
        }
        JsonNode destination = body.path("destination_url");
        if (!destination.isString() || !isHttpUrl(destination.asString())) {
            throw new IllegalArgumentException("destination_url must be an http(s) URL");
        }
        JsonNode triggers = body.path("triggered_for");
        if (!triggers.isArray() || triggers.isEmpty()) {
            throw new IllegalArgumentException("triggered_for must list at least one value");
        }
        List<String> triggeredFor = new ArrayList<>();
        for (JsonNode trigger : triggers) {
            if (!trigger.isString() || Trigger.of(trigger.asString()).isEmpty()) {
                throw new IllegalArgumentException("unknown triggered_for value " + trigger);
            }
            triggeredFor.add(trigger.asString());
        }
        WebhookRequest request = new WebhookRequest(destination.asString(), flag(body, "include_transcript"),
                flag(body, "include_summary"), flag(body, "include_action_items"),
                flag(body, "include_crm_matches"), triggeredFor);
        if (!(request.includeTranscript || request.includeSummary || request.includeActionItems
                || request.includeCrmMatches)) {
            throw new IllegalArgumentException("at least one include_* must be true");
        }
        return request;
    }

    private static boolean flag(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(field + " must be a boolean");
        }
        return value.asBoolean();
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
