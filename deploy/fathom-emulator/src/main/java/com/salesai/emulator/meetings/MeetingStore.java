package com.salesai.emulator.meetings;

import com.salesai.emulator.EmulatorProperties;
import com.salesai.emulator.users.Accounts;
import com.salesai.emulator.users.Person;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meetings this Fathom knows, newest first: {@code seededMeetings} generated at start (one per ~day, recording
 * ids 100000 + index, so index 0 is the newest; see {@link SeedPlan} for who recorded which) plus every
 * recording made through {@code /emulator/recordings}.
 */
@Component
public class MeetingStore {
    static final long FIRST_SEEDED_ID = 100_000L;
    private final MeetingGenerator generator = new MeetingGenerator();
    private final List<StoredMeeting> seeded;
    private final List<StoredMeeting> meetings = new ArrayList<>();
    private final AtomicLong nextRecordingId = new AtomicLong(500_000L);

    public MeetingStore(EmulatorProperties properties, Accounts accounts) {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        List<StoredMeeting> generated = new ArrayList<>();
        for (int i = 0; i < properties.seededMeetings(); i++) {
            Instant createdAt = today.minus(i, ChronoUnit.DAYS).minus(3 + i % 6, ChronoUnit.HOURS);
            generated.add(stored(i, FIRST_SEEDED_ID + i, createdAt, SeedPlan.specOf(i, accounts)));
        }
        this.seeded = List.copyOf(generated);
        this.meetings.addAll(generated);
    }

    /** The meetings a user can see (recorded by them, or shared with them or their team), newest first. */
    public synchronized List<StoredMeeting> visibleTo(Person user) {
        return meetings.stream().filter(m -> m.accessOf(user) != Access.NONE).toList();
    }

    public synchronized Optional<StoredMeeting> find(long recordingId) {
        return meetings.stream().filter(m -> m.recordingId() == recordingId).findFirst();
    }

    /** @throws IndexOutOfBoundsException for an index outside the seeded meetings */
    public StoredMeeting seeded(int index) {
        return seeded.get(index);
    }

    public int seededCount() {
        return seeded.size();
    }

    /** A new recording, just processed, added to the top of the list. */
    public synchronized StoredMeeting record(MeetingSpec spec) {
        long id = nextRecordingId.getAndIncrement();
        StoredMeeting meeting = stored(id, id, Instant.now().truncatedTo(ChronoUnit.SECONDS), spec);
        meetings.add(0, meeting);
        return meeting;
    }

    private StoredMeeting stored(long seed, long recordingId, Instant createdAt, MeetingSpec spec) {
        return new StoredMeeting(generator.meeting(seed, recordingId, createdAt, spec), spec.recorder(),
                spec.sharedWith(), spec.sharedWithTeam());
    }
}
