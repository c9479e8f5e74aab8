package com.salesai.integration.fathom;

import tools.jackson.databind.JsonNode;

import java.util.List;

/** One page of {@code GET /meetings}: raw meeting objects (normalized later), and the cursor of the next page. */
public record MeetingsPage(List<JsonNode> items, String nextCursor) {
    public MeetingsPage {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return nextCursor != null && !nextCursor.isBlank();
    }
}
