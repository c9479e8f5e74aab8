package com.salesai.dashboard.erasure;

import com.salesai.dashboard.access.Caller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErasurePolicyTest {
    private static final Caller ALICE = new Caller("alice", "org-acme", Caller.Role.MEMBER, "Alice");
    private static final Caller HUGO = new Caller("hugo", "org-acme", Caller.Role.HEAD_OF_SALES, "Hugo");
    private static final Caller ADA = new Caller("ada", "org-acme", Caller.Role.ADMIN, "Ada");
    private static final Caller OLGA = new Caller("olga", "org-globex", Caller.Role.HEAD_OF_SALES, "Olga");

    @Test
    void aMemberErasesTheirOwnCallsOnly() {
        assertThat(ErasurePolicy.mayErase(ALICE, "org-acme", "alice")).isTrue();
        assertThat(ErasurePolicy.mayErase(ALICE, "org-acme", "bruno")).isFalse();
    }

    @Test
    void headsOfSalesAndAdminsEraseAnyCallOfTheirOrganizationAndNoneOfAnother() {
        assertThat(ErasurePolicy.mayErase(HUGO, "org-acme", "bruno")).isTrue();
        assertThat(ErasurePolicy.mayErase(ADA, "org-acme", "alice")).isTrue();
        assertThat(ErasurePolicy.mayErase(OLGA, "org-acme", "alice")).isFalse();
        assertThat(ErasurePolicy.mayErase(HUGO, "org-globex", "olga")).isFalse();
    }
}
