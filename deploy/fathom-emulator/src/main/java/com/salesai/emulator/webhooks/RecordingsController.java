package com.salesai.emulator.webhooks;

import com.salesai.emulator.api.ApiErrors;
import com.salesai.emulator.meetings.Includes;
import com.salesai.emulator.meetings.MeetingStore;
import com.salesai.emulator.meetings.StoredMeeting;
import com.salesai.emulator.users.Accounts;
import com.salesai.emulator.users.Person;
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
 * Test controls (no API key): {@code POST /emulator/recordings} makes a recording happen (see
 * {@link RecordingOptions}), a new one or a seeded one ({@code seedIndex}, so webhook and import can carry the
 * same meeting), and delivers it to the webhooks it fires ({@link Audience}); {@code POST /emulator/deliveries}
 * relays a raw body (a legacy payload format) signed to every registered webhook (an optional {@code webhook-id}
 * request header makes it a retry of that message, as Svix retries keep the message id; an optional
 * {@code traceparent} is sent along, so a test can follow the delivery through the services' logs);
 * {@code GET /emulator/webhooks} lists registrations without their secrets.
 */
@RestController
class RecordingsController {
    private final MeetingStore meetings;
    private final WebhookRegistry registry;
    private final Audience audience;
    private final Dispatcher dispatcher;
    private final Accounts accounts;
    private final JsonMapper json = JsonMapper.builder().build();

    RecordingsController(MeetingStore meetings, WebhookRegistry registry, Audience audience, Dispatcher dispatcher,
                         Accounts accounts) {
        this.meetings = meetings;
        this.registry = registry;
        this.audience = audience;
        this.dispatcher = dispatcher;
        this.accounts = accounts;
    }

    @PostMapping("/emulator/recordings")
    ResponseEntity<JsonNode> record(@RequestBody(required = false) JsonNode request) {
        RecordingOptions options;
        try {
            options = RecordingOptions.parse(request == null ? json.createObjectNode() : request, accounts);
        } catch (IllegalArgumentException e) {
            return ApiErrors.badRequest(e.getMessage());
        }
        StoredMeeting meeting;
        if (options.seedIndexOrNull() != null) {
            int index = options.seedIndexOrNull();
            if (index < 0 || index >= meetings.seededCount()) {
                return ApiErrors.badRequest("seedIndex must be 0.." + (meetings.seededCount() - 1));
            }
            meeting = meetings.seeded(index);
        } else {
            meeting = meetings.record(options.spec());
        }
        ObjectNode answer = json.createObjectNode();
        answer.set("meeting", meeting.copy());
        meeting.sharedWith().stream().map(Person::email).forEach(answer.putArray("sharedWith")::add);
        ArrayNode deliveries = answer.putArray("deliveries");
        if (options.deliver()) {
            for (Registration registration : audience.of(meeting, registry.all())) {
                byte[] body = json.writeValueAsBytes(Includes.forWebhook(registration.includeTranscript(),
                        registration.includeSummary(), registration.includeActionItems(),
                        registration.includeCrmMatches()).apply(meeting.json()));
                describe(deliveries.addObject(), dispatcher.send(registration, body,
                        "recording " + meeting.recordingId(), null, null));
            }
        }
        return ResponseEntity.ok(answer);
    }

    @PostMapping(path = "/emulator/deliveries", consumes = "application/json")
    ResponseEntity<JsonNode> relay(@RequestBody byte[] body,
                                   @RequestHeader(name = WebhookHeaders.ID, required = false) String messageId,
                                   @RequestHeader(name = WebhookDelivery.TRACEPARENT, required = false)
                                   String traceparent) {
        ObjectNode answer = json.createObjectNode();
        ArrayNode deliveries = answer.putArray("deliveries");
        for (Registration registration : registry.all()) {
            describe(deliveries.addObject(), dispatcher.send(registration, body, "relayed payload", messageId,
                    traceparent));
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
        return registry.all().stream().map(r -> {
            ObjectNode webhook = json.createObjectNode().put("id", r.id()).put("destinationUrl", r.destinationUrl())
                    .put("createdAt", r.createdAt().toString())
                    .put("ownerEmail", accounts.byKey(r.apiKey()).map(Person::email).orElse(null));
            r.triggeredFor().forEach(webhook.putArray("triggeredFor")::add);
            return (JsonNode) webhook;
        }).toList();
    }
}
