package com.salesai.emulator.meetings;

import com.salesai.emulator.EmulatorProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meetings this Fathom knows, newest first: {@code seededMeetings} generated at start (one per ~day, recording
 * ids 100000 + index, so index 0 is the newest) plus every recording made through {@code /emulator/recordings}.
 */
@Component
public class MeetingStore {
    static final long FIRST_SEEDED_ID = 100_000L;
    private final MeetingGenerator generator = new MeetingGenerator();
    private final List<ObjectNode> seeded;
    private final List<ObjectNode> meetings = new ArrayList<>();
    private final AtomicLong nextRecordingId = new AtomicLong(500_000L);

    public MeetingStore(EmulatorProperties properties) {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        List<ObjectNode> generated = new ArrayList<>();
        for (int i = 0; i < properties.seededMeetings(); i++) {
            Instant createdAt = today.minus(i, ChronoUnit.DAYS).minus(3 + i % 6, ChronoUnit.HOURS);
            generated.add(generator.meeting(i, FIRST_SEEDED_ID + i, createdAt, null));
        }
        this.seeded = List.copyOf(generated);
        this.meetings.addAll(generated);
    }

    public synchronized List<ObjectNode> newestFirst() {
        return List.copyOf(meetings);
    }

    /** @throws IndexOutOfBoundsException for an index outside the seeded meetings */
    public ObjectNode seeded(int index) {
        return seeded.get(index).deepCopy();
    }

    public int seededCount() {
        return seeded.size();
    }

    /** A new recording, just processed, added to the top of the list. */
    public synchronized ObjectNode record(String titleOrNull) {
        long id = nextRecordingId.getAndIncrement();
        ObjectNode meeting = generator.meeting(id, id, Instant.now().truncatedTo(ChronoUnit.SECONDS), titleOrNull);
        meetings.add(0, meeting);
        return meeting.deepCopy();
    }
}
