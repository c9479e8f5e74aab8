package com.salesai.emulator.meetings;

import com.salesai.emulator.users.Accounts;
import com.salesai.emulator.users.Person;

import java.util.List;

/**
 * Which seeded meetings are not plain external sales calls recorded by the first user. The 49 newest
 * (indexes 0–48) always are, so an import of the 50 newest after one new recording still brings only calls to
 * evaluate; from index 49 on, a cycle of six: shared by a colleague, internal, shared by an outsider, without
 * transcript, shared by a colleague, plain. With the default 60: colleague 49, 53, 55, 59; internal 50, 56;
 * outsider 51, 57; no transcript 52, 58; plain 54.
 */
public final class SeedPlan {
    public static final int PLAIN_NEWEST = 49;
    /** Someone outside the company who records with a user and shares the recording with them. */
    public static final Person OUTSIDER = new Person("Morgan Lee", "partner@other-company.test", null);

    public enum Kind { PLAIN, SHARED_BY_COLLEAGUE, INTERNAL, SHARED_BY_OUTSIDER, NO_TRANSCRIPT }

    private static final Kind[] CYCLE = {Kind.SHARED_BY_COLLEAGUE, Kind.INTERNAL, Kind.SHARED_BY_OUTSIDER,
            Kind.NO_TRANSCRIPT, Kind.SHARED_BY_COLLEAGUE, Kind.PLAIN};

    private SeedPlan() {
    }

    public static Kind kindOf(int index) {
        return index < PLAIN_NEWEST ? Kind.PLAIN : CYCLE[(index - PLAIN_NEWEST) % CYCLE.length];
    }

    static MeetingSpec specOf(int index, Accounts accounts) {
        Person first = accounts.first();
        return switch (kindOf(index)) {
            case PLAIN -> MeetingSpec.plain(first);
            // With a single user there is no colleague: the meeting stays the first user's own.
            case SHARED_BY_COLLEAGUE -> accounts.colleagueOf(first)
                    .map(colleague -> new MeetingSpec(null, colleague, List.of(first), false, false, true))
                    .orElse(MeetingSpec.plain(first));
            case INTERNAL -> new MeetingSpec(null, first, List.of(), false, true, true);
            case SHARED_BY_OUTSIDER -> new MeetingSpec(null, OUTSIDER, List.of(first), false, false, true);
            case NO_TRANSCRIPT -> new MeetingSpec(null, first, List.of(), false, false, false);
        };
    }
}
