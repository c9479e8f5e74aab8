package com.salesai.analysis.pipeline;

import com.salesai.analysis.flow.Calls;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.InviteeDomainsType;
import com.salesai.schema.events.SkipReason;
import org.junit.jupiter.api.Test;

import static com.salesai.schema.events.InviteeDomainsType.ONE_OR_MORE_EXTERNAL;
import static com.salesai.schema.events.InviteeDomainsType.ONLY_INTERNAL;
import static org.assertj.core.api.Assertions.assertThat;

class SkipPolicyTest {
    private static final SkipPolicy DEFAULT = new SkipPolicy(false, null, 0);
    private static final SkipPolicy INTERNAL_TOO = new SkipPolicy(true, null, 0);

    private static CallRecorded call(boolean transcript, Attribution attribution, InviteeDomainsType invitees) {
        return Calls.of("call", transcript, attribution, invitees);
    }

    @Test
    void aCallWithATranscriptRecordedInTheOrgWithAProspectIsAnalyzed() {
        assertThat(DEFAULT.reasonToSkip(call(true, Attribution.RECORDER, ONE_OR_MORE_EXTERNAL))).isEmpty();
        assertThat(DEFAULT.reasonToSkip(call(true, null, null))).as("v1 events").isEmpty();
        assertThat(DEFAULT.reasonToSkip(Calls.plaintext("plaintext", "Alice: Bonjour"))).isEmpty();
    }

    @Test
    void noTranscriptComesFirst() {
        assertThat(DEFAULT.reasonToSkip(Calls.plaintext("blank", "  \n "))).contains(SkipReason.NO_TRANSCRIPT);
        assertThat(DEFAULT.reasonToSkip(call(false, Attribution.SHARED, ONLY_INTERNAL))).contains(SkipReason.NO_TRANSCRIPT);
        assertThat(INTERNAL_TOO.reasonToSkip(call(false, Attribution.RECORDER, ONE_OR_MORE_EXTERNAL)))
                .contains(SkipReason.NO_TRANSCRIPT);
    }

    @Test
    void aCallRecordedOutsideTheOrgComesBeforeAnInternalMeeting() {
        assertThat(DEFAULT.reasonToSkip(call(true, Attribution.SHARED, ONE_OR_MORE_EXTERNAL)))
                .contains(SkipReason.RECORDED_OUTSIDE_ORG);
        assertThat(DEFAULT.reasonToSkip(call(true, Attribution.SHARED, ONLY_INTERNAL)))
                .contains(SkipReason.RECORDED_OUTSIDE_ORG);
        assertThat(INTERNAL_TOO.reasonToSkip(call(true, Attribution.SHARED, ONLY_INTERNAL)))
                .contains(SkipReason.RECORDED_OUTSIDE_ORG);
    }

    @Test
    void internalMeetingsAreSkippedUnlessConfiguredOtherwise() {
        assertThat(DEFAULT.reasonToSkip(call(true, Attribution.RECORDER, ONLY_INTERNAL)))
                .contains(SkipReason.INTERNAL_MEETING);
        assertThat(INTERNAL_TOO.reasonToSkip(call(true, Attribution.RECORDER, ONLY_INTERNAL))).isEmpty();
    }

    @Test
    void anOrgThatSpentItsDailyBudgetHasItsNextCallsSkipped() {
        CallRecorded call = call(true, Attribution.RECORDER, ONE_OR_MORE_EXTERNAL);
        assertThat(new SkipPolicy(false, 10_000L, 9_999).reasonToSkip(call)).isEmpty();
        assertThat(new SkipPolicy(false, 10_000L, 10_000).reasonToSkip(call)).contains(SkipReason.BUDGET_EXHAUSTED);
        assertThat(new SkipPolicy(false, null, 1_000_000).reasonToSkip(call)).as("no budget").isEmpty();
        assertThat(new SkipPolicy(false, 10L, 50).reasonToSkip(call(true, Attribution.RECORDER, ONLY_INTERNAL)))
                .contains(SkipReason.INTERNAL_MEETING);
    }
}
