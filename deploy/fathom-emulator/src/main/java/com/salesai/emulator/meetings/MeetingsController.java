package com.salesai.emulator.meetings;

import com.salesai.emulator.EmulatorProperties;
import com.salesai.emulator.api.ApiErrors;
import com.salesai.emulator.api.ApiKeyGuard;
import com.salesai.emulator.users.Person;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
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
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code GET /external/v1/meetings}: Fathom's shape {@code {items, next_cursor, limit}}, newest first, only the
 * meetings the key's user can see. Not emulated: {@code recorded_by[]}, {@code teams[]},
 * {@code calendar_invitees_domains[]}, {@code include_crm_matches} content (always null).
 */
@RestController
class MeetingsController {
    private static final Set<String> DOMAIN_TYPES = Set.of("all", "only_internal", "one_or_more_external");
    private final MeetingStore store;
    private final EmulatorProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    MeetingsController(MeetingStore store, EmulatorProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @GetMapping("/external/v1/meetings")
    ResponseEntity<ObjectNode> meetings(@RequestAttribute(ApiKeyGuard.USER_ATTRIBUTE) Person user,
                                        @RequestParam(required = false) String cursor,
                                        @RequestParam(name = "created_after", required = false) String createdAfter,
                                        @RequestParam(name = "created_before", required = false) String createdBefore,
                                        @RequestParam(name = "calendar_invitees_domains_type", defaultValue = "all")
                                        String domainsType,
                                        @RequestParam(name = "meeting_type", required = false) String meetingType,
                                        @RequestParam(name = "include_transcript", defaultValue = "false") boolean transcript,
                                        @RequestParam(name = "include_summary", defaultValue = "false") boolean summary,
                                        @RequestParam(name = "include_action_items", defaultValue = "false") boolean actionItems,
                                        @RequestParam(name = "include_highlights", defaultValue = "false") boolean highlights,
                                        @RequestParam(name = "include_crm_matches", defaultValue = "false") boolean crm) {
        Instant after;
        Instant before;
        int offset;
        try {
            after = createdAfter == null ? null : Instant.parse(createdAfter);
            before = createdBefore == null ? null : Instant.parse(createdBefore);
            offset = cursor == null || cursor.isBlank() ? 0 : decodeCursor(cursor);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return ApiErrors.badRequest("invalid cursor, created_after or created_before");
        }
        if (!DOMAIN_TYPES.contains(domainsType)) {
            return ApiErrors.badRequest("calendar_invitees_domains_type must be one of " + DOMAIN_TYPES);
        }
        Predicate<StoredMeeting> filter = m -> (after == null || m.createdAt().isAfter(after))
                && (before == null || m.createdAt().isBefore(before))
                && ("all".equals(domainsType)
                || domainsType.equals(m.json().path("calendar_invitees_domains_type").asString()))
                // An unknown type name matches nothing, as on Fathom.
                && (meetingType == null || Objects.equals(meetingType, m.json().path("meeting_type").asString(null)));
        List<StoredMeeting> matching = store.visibleTo(user).stream().filter(filter).toList();
        Includes includes = new Includes(transcript, summary, actionItems, highlights, crm);
        int to = Math.min(offset + properties.pageSize(), matching.size());
        ObjectNode page = json.createObjectNode();
        ArrayNode items = page.putArray("items");
        for (StoredMeeting meeting : matching.subList(Math.min(offset, to), to)) {
            items.add(includes.apply(meeting.json()));
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
