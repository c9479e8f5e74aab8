package com.salesai.emulator.meetings;

import com.salesai.emulator.api.ApiErrors;
import com.salesai.emulator.api.ApiKeyGuard;
import com.salesai.emulator.users.Person;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * {@code GET /external/v1/recordings/{id}/transcript} and {@code .../summary} (heavy requests, see
 * {@code RateLimiter}). A recording the key's user cannot see is a 404, as an unknown one. The asynchronous
 * variant ({@code destination_url}) is not emulated and answers 400, so nobody mistakes its answer for Fathom's.
 */
@RestController
class RecordingContentController {
    private final MeetingStore store;
    private final JsonMapper json = JsonMapper.builder().build();

    RecordingContentController(MeetingStore store) {
        this.store = store;
    }

    @GetMapping("/external/v1/recordings/{recordingId}/transcript")
    ResponseEntity<JsonNode> transcript(@RequestAttribute(ApiKeyGuard.USER_ATTRIBUTE) Person user,
                                        @PathVariable String recordingId,
                                        @RequestParam(name = "destination_url", required = false) String callback) {
        if (callback != null) {
            return ApiErrors.badRequest("destination_url (asynchronous answer) is not emulated");
        }
        return visible(user, recordingId).<ResponseEntity<JsonNode>>map(meeting -> {
            ObjectNode answer = json.createObjectNode();
            JsonNode transcript = meeting.json().path("transcript");
            // Documented as an array; what Fathom answers for a recording without transcript is not, so: empty.
            answer.set("transcript", transcript.isArray() ? transcript.deepCopy() : json.createArrayNode());
            return ResponseEntity.ok(answer);
        }).orElseGet(() -> ApiErrors.notFound("recording not found"));
    }

    @GetMapping("/external/v1/recordings/{recordingId}/summary")
    ResponseEntity<JsonNode> summary(@RequestAttribute(ApiKeyGuard.USER_ATTRIBUTE) Person user,
                                     @PathVariable String recordingId,
                                     @RequestParam(name = "destination_url", required = false) String callback) {
        if (callback != null) {
            return ApiErrors.badRequest("destination_url (asynchronous answer) is not emulated");
        }
        return visible(user, recordingId).<ResponseEntity<JsonNode>>map(meeting -> {
            ObjectNode answer = json.createObjectNode();
            JsonNode summary = meeting.json().path("default_summary");
            // MeetingSummary's two fields are nullable: a recording without summary has both null.
            answer.set("summary", summary.isObject() ? summary.deepCopy()
                    : json.createObjectNode().putNull("template_name").putNull("markdown_formatted"));
            return ResponseEntity.ok(answer);
        }).orElseGet(() -> ApiErrors.notFound("recording not found"));
    }

    private Optional<StoredMeeting> visible(Person user, String recordingId) {
        long id;
        try {
            id = Long.parseLong(recordingId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return store.find(id).filter(m -> m.accessOf(user) != Access.NONE);
    }
}
