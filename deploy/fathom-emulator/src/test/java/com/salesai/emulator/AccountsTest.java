package com.salesai.emulator;

import com.salesai.emulator.users.Accounts;
import com.salesai.emulator.users.Person;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountsTest {
    @Test
    void twoRepsOfOneCompanyByDefault() {
        Accounts accounts = new Accounts(new EmulatorProperties(null, null, 0, 0, 0, 60));

        assertThat(accounts.byKey("emulator-api-key")).contains(
                new Person("Alice Martin", "alice@acme-sales.test", "Sales"));
        assertThat(accounts.byKey("emulator-api-key-2")).contains(
                new Person("Bob Durand", "bob@acme-sales.test", "Sales"));
        assertThat(accounts.colleagueOf(accounts.first()).map(Person::name)).contains("Bob Durand");
        assertThat(accounts.byKey("other")).isEmpty();
    }

    @Test
    void configuredUsersAndLegacyKeys() {
        Accounts accounts = new Accounts(new EmulatorProperties(List.of("old-key", " "), List.of(
                new EmulatorProperties.User("k1", "Zoé", "Zoe@Globex.test", null),
                new EmulatorProperties.User("k2", "Zoé", "zoe@globex.test", null)), 0, 0, 0, 0));

        assertThat(accounts.users()).hasSize(1);
        assertThat(accounts.byKey("k2")).isEqualTo(accounts.byKey("k1"));
        assertThat(accounts.byKey("old-key")).as("a legacy key is one more key of the first user")
                .contains(accounts.first());
        assertThat(accounts.byKey(" ")).isEmpty();
        assertThatThrownBy(() -> new Accounts(new EmulatorProperties(null, List.of(
                new EmulatorProperties.User("k", "A", "a@x.test", null),
                new EmulatorProperties.User("k", "B", "b@x.test", null)), 0, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
