package com.salesai.emulator.meetings;

import com.salesai.emulator.users.Person;

import java.util.List;

/**
 * What a meeting to generate is like.
 *
 * @param titleOrNull    a title, or null for a generated one
 * @param recorder       who recorded it (a user, or an outsider who shared it)
 * @param sharedWith     users it was shared with, one by one
 * @param sharedWithTeam shared with the recorder's team (Fathom Team plans), which changes who gets the webhook
 * @param internal       every invitee from the recorder's company ({@code only_internal})
 * @param transcript     false for a recording without transcript (and so without summary)
 * @param closingLineOrNull a last line the recorder says, or null: words no other meeting has (a test can then
 *                       look for them everywhere, after an erasure)
 */
public record MeetingSpec(String titleOrNull, Person recorder, List<Person> sharedWith, boolean sharedWithTeam,
                          boolean internal, boolean transcript, String closingLineOrNull) {
    public MeetingSpec {
        sharedWith = List.copyOf(sharedWith);
    }

    public MeetingSpec(String titleOrNull, Person recorder, List<Person> sharedWith, boolean sharedWithTeam,
                       boolean internal, boolean transcript) {
        this(titleOrNull, recorder, sharedWith, sharedWithTeam, internal, transcript, null);
    }

    public static MeetingSpec plain(Person recorder) {
        return new MeetingSpec(null, recorder, List.of(), false, false, true);
    }
}
