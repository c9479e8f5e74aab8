package com.salesai.schema.attribution;

import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.Person;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrgRecordersTest {
    private final OrgRecorders acme = OrgRecorders.of(Map.of("Alice@Acme.com", "rep-alice", "bob@acme.com", "rep-bob"));

    @Test
    void aRecordingIsCreditedToTheMemberWhoRecordedItWhoeverReceivedIt() {
        Credit credit = acme.credit(new Person("Alice", " alice@ACME.com"), "rep-bob");

        assertThat(credit).isEqualTo(new Credit("rep-alice", Attribution.RECORDER));
    }

    @Test
    void aRecordingBySomeoneOutsideTheOrgStaysWithItsReceiverAsShared() {
        assertThat(acme.credit(new Person("Pat", "pat@partner.io"), "rep-bob"))
                .isEqualTo(new Credit("rep-bob", Attribution.SHARED));
        assertThat(acme.credit(null, "rep-bob")).isEqualTo(new Credit("rep-bob", Attribution.SHARED));
        assertThat(acme.credit(new Person("No email", null), "rep-alice"))
                .isEqualTo(new Credit("rep-alice", Attribution.SHARED));
    }

    @Test
    void twoMembersClaimingOneEmailResolveTheSameWayEveryTime() {
        OrgRecorders clash = OrgRecorders.of(Map.of("a@acme.com", "user-b", "A@acme.com", "user-a"));

        assertThat(clash.credit(new Person(null, "a@acme.com"), "x").userId()).isEqualTo("user-a");
    }
}
