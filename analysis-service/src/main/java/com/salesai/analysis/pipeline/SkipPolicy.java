package com.salesai.analysis.pipeline;

import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.InviteeDomainsType;
import com.salesai.schema.events.SkipReason;

import java.util.Optional;

/**
 * Which calls are not sent to the LLM (design: Call status), decided before any request, first reason first: no
 * transcript at all; recorded by someone outside the org (a {@code shared} call's recorder is, by how attribution
 * works, not an active member); a meeting with internal invitees only, unless {@code analyzeInternalMeetings}; the
 * org's calls have spent {@code dailyTokenBudget} tokens today already ({@code tokensSpentToday}; null budget: none).
 * The first two come from the org's analysis settings.
 */
record SkipPolicy(boolean analyzeInternalMeetings, Long dailyTokenBudget, long tokensSpentToday) {

    Optional<SkipReason> reasonToSkip(CallRecorded call) {
        if (!call.hasTranscript()) {
            return Optional.of(SkipReason.NO_TRANSCRIPT);
        }
        if (call.attribution() == Attribution.SHARED) {
            return Optional.of(SkipReason.RECORDED_OUTSIDE_ORG);
        }
        if (!analyzeInternalMeetings && call.calendarInviteesDomainsType() == InviteeDomainsType.ONLY_INTERNAL) {
            return Optional.of(SkipReason.INTERNAL_MEETING);
        }
        if (dailyTokenBudget != null && tokensSpentToday >= dailyTokenBudget) {
            return Optional.of(SkipReason.BUDGET_EXHAUSTED);
        }
        return Optional.empty();
    }
}
