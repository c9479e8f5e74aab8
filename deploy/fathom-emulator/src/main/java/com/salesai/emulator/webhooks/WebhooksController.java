package com.salesai.emulator.webhooks;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code POST /external/v1/webhooks} and {@code DELETE /external/v1/webhooks/{id}}, as Fathom answers them. */
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
                                    @RequestBody JsonNode body) {
        String destination = body.path("destination_url").asString("");
        if (!isHttpUrl(destination)) {
            return ResponseEntity.badRequest().body(json.createObjectNode().put("error", "bad_request")
                    .put("message", "destination_url must be an http(s) URL"));
        }
        List<String> triggeredFor = new ArrayList<>();
        body.path("triggered_for").forEach(t -> triggeredFor.add(t.asString()));
        Registration registration = new Registration("wh_" + UUID.randomUUID().toString().replace("-", ""), apiKey,
                destination, StandardWebhooksSigner.newSecret(), body.path("include_transcript").asBoolean(false),
                body.path("include_summary").asBoolean(false), body.path("include_action_items").asBoolean(false),
                body.path("include_crm_matches").asBoolean(false), triggeredFor,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        registry.add(registration);
        log.info("Webhook {} created for {}", registration.id(), destination);

        ObjectNode created = json.createObjectNode();
        created.put("id", registration.id());
        created.put("url", destination);
        created.put("secret", registration.secret());
        created.put("created_at", registration.createdAt().toString());
        created.put("include_transcript", registration.includeTranscript());
        created.put("include_summary", registration.includeSummary());
        created.put("include_action_items", registration.includeActionItems());
        created.put("include_crm_matches", registration.includeCrmMatches());
        ArrayNode triggers = created.putArray("triggered_for");
        triggeredFor.forEach(triggers::add);
        return ResponseEntity.status(201).body(created);
    }

    @DeleteMapping("/external/v1/webhooks/{id}")
    ResponseEntity<Void> delete(@RequestAttribute(ApiKeyGuard.KEY_ATTRIBUTE) String apiKey, @PathVariable String id) {
        return registry.remove(id, apiKey).<ResponseEntity<Void>>map(removed -> {
            log.info("Webhook {} deleted", id);
            return ResponseEntity.noContent().build();
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static boolean isHttpUrl(String url) {
        try {
            String scheme = URI.create(url).getScheme();
            return "http".equals(scheme) || "https".equals(scheme);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
