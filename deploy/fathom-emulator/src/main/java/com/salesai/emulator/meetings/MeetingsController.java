package com.salesai.emulator.meetings;

import com.salesai.emulator.EmulatorProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/** {@code GET /external/v1/meetings}: Fathom's shape {@code {items, next_cursor, limit}}, newest first. */
@RestController
class MeetingsController {
    private final MeetingStore store;
    private final EmulatorProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    MeetingsController(MeetingStore store, EmulatorProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @GetMapping("/external/v1/meetings")
    ResponseEntity<ObjectNode> meetings(@RequestParam(required = false) String cursor,
                                        @RequestParam(name = "created_after", required = false) String createdAfter,
                                        @RequestParam(name = "include_transcript", defaultValue = "false") boolean transcript,
                                        @RequestParam(name = "include_summary", defaultValue = "false") boolean summary,
                                        @RequestParam(name = "include_action_items", defaultValue = "false") boolean actionItems) {
        Instant after;
        int offset;
        try {
            after = createdAfter == null ? null : Instant.parse(createdAfter);
            offset = cursor == null || cursor.isBlank() ? 0 : decodeCursor(cursor);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            ObjectNode error = json.createObjectNode().put("error", "bad_request")
                    .put("message", "invalid cursor or created_after");
            return ResponseEntity.badRequest().body(error);
        }
        List<ObjectNode> matching = store.newestFirst().stream()
                .filter(m -> after == null || Instant.parse(m.path("created_at").asString()).isAfter(after))
                .toList();
        int to = Math.min(offset + properties.pageSize(), matching.size());
        ObjectNode page = json.createObjectNode();
        ArrayNode items = page.putArray("items");
        for (ObjectNode meeting : matching.subList(Math.min(offset, to), to)) {
            items.add(Includes.apply(meeting, transcript, summary, actionItems));
        }
        if (to < matching.size()) {
            page.put("next_cursor", encodeCursor(to));
        } else {
            page.putNull("next_cursor");
        }
        page.put("limit", properties.pageSize());
        return ResponseEntity.ok(page);
    }

    private static String encodeCursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String cursor) {
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (!decoded.startsWith("offset:")) {
            throw new IllegalArgumentException("not a cursor");
        }
        int offset = Integer.parseInt(decoded.substring("offset:".length()));
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset");
        }
        return offset;
    }
}
