package com.salesai.emulator.webhooks;

import com.salesai.emulator.meetings.StoredMeeting;
import com.salesai.emulator.users.Accounts;
import com.salesai.emulator.users.Person;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which webhooks a new recording fires, by their owners' access to it and their {@code triggered_for}
 * (evaluated once, when the recording is finalized, as on Fathom):
 * <ul>
 * <li>the recorder's webhooks with {@code my_recordings}, or, for a recording shared with a team (Team plans,
 * where {@code my_recordings} excludes those), with {@code my_shared_with_team_recordings};</li>
 * <li>webhooks of users it was shared with one by one, with {@code shared_external_recordings}. On a Team plan a
 * teammate's individual share would need {@code shared_team_recordings} instead; the emulator does not model
 * plans per user and treats every individual share as external;</li>
 * <li>webhooks of the recorder's teammates, for a recording shared with the team, with
 * {@code shared_team_recordings}.</li>
 * </ul>
 */
@Component
class Audience {
    private final Accounts accounts;

    Audience(Accounts accounts) {
        this.accounts = accounts;
    }

    List<Registration> of(StoredMeeting meeting, Collection<Registration> registrations) {
        return registrations.stream().filter(r -> receives(meeting, r)).toList();
    }

    private boolean receives(StoredMeeting meeting, Registration registration) {
        Optional<Person> owner = accounts.byKey(registration.apiKey());
        if (owner.isEmpty()) {
            return false;
        }
        return switch (meeting.accessOf(owner.get())) {
            case RECORDER -> registration.firesFor(meeting.sharedWithTeam()
                    ? Trigger.MY_SHARED_WITH_TEAM_RECORDINGS : Trigger.MY_RECORDINGS);
            case SHARED_WITH_USER -> registration.firesFor(Trigger.SHARED_EXTERNAL_RECORDINGS);
            case TEAM -> registration.firesFor(Trigger.SHARED_TEAM_RECORDINGS);
            case NONE -> false;
        };
    }
}
