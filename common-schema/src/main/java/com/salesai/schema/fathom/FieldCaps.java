package com.salesai.schema.fathom;

import com.salesai.schema.events.ActionItem;
import com.salesai.schema.events.Highlight;
import com.salesai.schema.events.Participant;
import com.salesai.schema.events.Person;
import com.salesai.schema.events.TranscriptSegment;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The longest each part of a call may be, applied once at normalization: a payload is text from outside, and every
 * service stores, indexes, prompts and renders what it publishes (one MongoDB document holds at most 16 MB). A cut
 * value keeps its beginning and the call records the field's name in {@code truncatedFields}; counts are cut by
 * dropping the items past the limit. The bounds are far above real calls (a ten-hour meeting has a few thousand
 * segments and under a million characters of transcript); the transcript's lets a 5 MB one, the largest a 10 MiB
 * body carries, through whole, as the analysis and its metrics are built for it.
 */
final class FieldCaps {

    static final int TITLE = 500;
    static final int NAME = 200;
    static final int EMAIL = 320;
    static final int SHORT_TEXT = 100;
    static final int PARTICIPANTS = 1_000;
    static final int SEGMENTS = 20_000;
    static final int SEGMENT_TEXT = 100_000;
    static final int TRANSCRIPT_CHARS = 6_000_000;
    static final int SUMMARY = 100_000;
    static final int ITEMS = 500;
    static final int ITEM_TEXT = 2_000;

    private final SortedSet<String> truncated = new TreeSet<>();

    FieldCaps(List<String> alreadyTruncated) {
        if (alreadyTruncated != null) {
            truncated.addAll(alreadyTruncated);
        }
    }

    List<String> truncated() {
        return List.copyOf(truncated);
    }

    String text(String field, String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        truncated.add(field);
        // never split a surrogate pair: the cut value stays valid UTF-16
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    Person person(String field, Person person) {
        if (person == null) {
            return null;
        }
        return new Person(text(field + ".name", person.name(), NAME), text(field + ".email", person.email(), EMAIL),
                text(field + ".team", person.team(), NAME));
    }

    List<Participant> participants(List<Participant> participants) {
        return first("participants", participants, PARTICIPANTS).stream()
                .map(p -> new Participant(text("participants.name", p.name(), NAME),
                        text("participants.email", p.email(), EMAIL),
                        text("participants.emailDomain", p.emailDomain(), EMAIL), p.external()))
                .toList();
    }

    /** Segments in order until {@link #TRANSCRIPT_CHARS} characters of text are used; the last one may be cut. */
    List<TranscriptSegment> transcript(List<TranscriptSegment> segments) {
        List<TranscriptSegment> kept = new ArrayList<>();
        int budget = TRANSCRIPT_CHARS;
        for (TranscriptSegment segment : first("transcript", segments, SEGMENTS)) {
            if (budget == 0) {
                truncated.add("transcript");
                break;
            }
            String text = text("transcript.text", segment.text(), SEGMENT_TEXT);
            if (text != null && text.length() > budget) {
                text = text("transcript", text, budget);
            }
            budget -= text == null ? 0 : text.length();
            kept.add(new TranscriptSegment(text("transcript.speaker", segment.speaker(), NAME),
                    text("transcript.speakerEmail", segment.speakerEmail(), EMAIL), text, segment.offsetSeconds()));
        }
        return kept;
    }

    List<ActionItem> actionItems(List<ActionItem> items) {
        return first("actionItems", items, ITEMS).stream()
                .map(i -> new ActionItem(text("actionItems.description", i.description(), ITEM_TEXT),
                        person("actionItems.assignee", i.assignee()), i.timestampSeconds(), i.completed()))
                .toList();
    }

    List<Highlight> highlights(List<Highlight> highlights) {
        return first("highlights", highlights, ITEMS).stream()
                .map(h -> new Highlight(text("highlights.type", h.type(), SHORT_TEXT),
                        text("highlights.summary", h.summary(), ITEM_TEXT), text("highlights.text", h.text(), ITEM_TEXT),
                        h.startSeconds(), h.endSeconds()))
                .toList();
    }

    private <T> List<T> first(String field, List<T> items, int max) {
        if (items == null) {
            return List.of();
        }
        if (items.size() <= max) {
            return items;
        }
        truncated.add(field);
        return items.subList(0, max);
    }
}
