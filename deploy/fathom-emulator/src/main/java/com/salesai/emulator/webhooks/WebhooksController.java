package com.salesai.emulator.webhooks;

import com.salesai.emulator.api.ApiErrors;
import com.salesai.emulator.api.ApiKeyGuard;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code POST /external/v1/webhooks} and {@code DELETE /external/v1/webhooks/{id}}, as Fathom answers them. There
 * is no list or get endpoint on Fathom either: the id is only known from the creation answer.
 */
@RestController
class WebhooksController {
    private static final Logger log = LoggerFactory.getLogger(WebhooksController.class);
    private final WebhookRegistry registry;
    private final JsonMapper json = JsonMapper.builder().build();

    WebhooksController(WebhookRegistry registry) {
        this.registry = registry;
    }

    @PostMapping("/external/v1/webhooks")
    ResponseEntity<JsonNode> create(@RequestAttribute(ApiKeyGuard.KEY_ATTRIBUTE) String apiKey,
                                    @RequestBody(required = false) byte[] body) {
        WebhookRequest request;
        try {
            request = WebhookRequest.parse(body == null ? null : json.readTree(body));
        } catch (JacksonException e) {
            return ApiErrors.badRequest("the body is not JSON");
        } catch (IllegalArgumentException e) {
            return ApiErrors.badRequest(e.getMessage());
        }
        Registration registration = new Registration(WebhookIds.next(), apiKey, request.destinationUrl(),
                StandardWebhooksSigner.newSecret(), request.includeTranscript(), request.includeSummary(),
                request.includeActionItems(), request.includeCrmMatches(), request.triggeredFor(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        registry.add(registration);
        log.info("Webhook {} created for {} ({})", registration.id(), registration.destinationUrl(),
                registration.triggeredFor());

        ObjectNode created = json.createObjectNode();
        created.put("id", registration.id());
        created.put("url", registration.destinationUrl());
        created.put("secret", registration.secret());
        created.put("created_at", registration.createdAt().toString());
        created.put("include_transcript", registration.includeTranscript());
        created.put("include_summary", registration.includeSummary());
        created.put("include_action_items", registration.includeActionItems());
        created.put("include_crm_matches", registration.includeCrmMatches());
        registration.triggeredFor().forEach(created.putArray("triggered_for")::add);
        return ResponseEntity.status(201).body(created);
    }

    @DeleteMapping("/external/v1/webhooks/{id}")
    ResponseEntity<Void> delete(@RequestAttribute(ApiKeyGuard.KEY_ATTRIBUTE) String apiKey, @PathVariable String id) {
        return registry.remove(id, apiKey).<ResponseEntity<Void>>map(removed -> {
            log.info("Webhook {} deleted", id);
            return ResponseEntity.noContent().build();
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
