package com.salesai.emulator.webhooks;

import com.salesai.emulator.meetings.MeetingStore;
import com.salesai.schema.webhooks.WebhookHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Test controls (no API key): {@code POST /emulator/recordings} makes a recording happen, a new one or a seeded one
 * ({@code seedIndex}, so webhook and import can carry the same meeting), and delivers it to every registered
 * webhook; {@code POST /emulator/deliveries} relays a raw body (a legacy payload format) signed to every registered
 * webhook (an optional {@code webhook-id} request header makes it a retry of that message, as Svix retries keep
 * the message id); {@code GET /emulator/webhooks} lists registrations without their secrets.
 */
@RestController
class RecordingsController {
    private static final String FORMAT = "fathom-meeting";
    private final MeetingStore meetings;
    private final WebhookRegistry registry;
    private final WebhookDelivery delivery;
    private final JsonMapper json = JsonMapper.builder().build();

    RecordingsController(MeetingStore meetings, WebhookRegistry registry, WebhookDelivery delivery) {
        this.meetings = meetings;
        this.registry = registry;
        this.delivery = delivery;
    }

    @PostMapping("/emulator/recordings")
    ResponseEntity<JsonNode> record(@RequestBody(required = false) JsonNode request) {
        JsonNode options = request == null ? json.createObjectNode() : request;
        String format = options.path("format").asString(FORMAT);
        if (!FORMAT.equals(format)) {
            return badRequest("only format \"" + FORMAT + "\" is supported");
        }
        ObjectNode meeting;
        if (options.has("seedIndex")) {
            int index = options.path("seedIndex").asInt(-1);
            if (index < 0 || index >= meetings.seededCount()) {
                return badRequest("seedIndex must be 0.." + (meetings.seededCount() - 1));
            }
            meeting = meetings.seeded(index);
        } else {
            String title = options.path("title").isString() ? options.path("title").asString() : null;
            meeting = meetings.record(title);
        }
        ObjectNode answer = json.createObjectNode();
        answer.set("meeting", meeting);
        ArrayNode deliveries = answer.putArray("deliveries");
        for (Registration registration : registry.all()) {
            describe(deliveries.addObject(), delivery.deliver(registration, meeting));
        }
        return ResponseEntity.ok(answer);
    }

    @PostMapping(path = "/emulator/deliveries", consumes = "application/json")
    ResponseEntity<JsonNode> relay(@RequestBody byte[] body,
                                   @RequestHeader(name = WebhookHeaders.ID, required = false) String messageId) {
        ObjectNode answer = json.createObjectNode();
        ArrayNode deliveries = answer.putArray("deliveries");
        for (Registration registration : registry.all()) {
            describe(deliveries.addObject(), delivery.deliverRaw(registration, body, "relayed payload", messageId));
        }
        return ResponseEntity.ok(answer);
    }

    private static void describe(ObjectNode sent, WebhookDelivery.Result result) {
        sent.put("webhookId", result.webhookId());
        sent.put("destinationUrl", result.destinationUrl());
        sent.put("webhookMessageId", result.webhookMessageId());
        sent.put("status", result.status());
        if (result.error() != null) {
            sent.put("error", result.error());
        }
    }

    @GetMapping("/emulator/webhooks")
    List<JsonNode> webhooks() {
        return registry.all().stream().map(r -> (JsonNode) json.createObjectNode()
                .put("id", r.id()).put("destinationUrl", r.destinationUrl())
                .put("createdAt", r.createdAt().toString())).toList();
    }

    private ResponseEntity<JsonNode> badRequest(String message) {
        return ResponseEntity.badRequest().body(json.createObjectNode().put("error", "bad_request")
                .put("message", message));
    }
}
