package com.salesai.emulator.users;

import java.util.Locale;

/** Someone who records or attends meetings: a user of this Fathom, or an outsider who shares with one. */
public record Person(String name, String email, String team) {
    public Person {
        email = email.toLowerCase(Locale.ROOT);
    }

    public String emailDomain() {
        return email.substring(email.indexOf('@') + 1);
    }

    public boolean sameAs(Person other) {
        return other != null && email.equals(other.email);
    }
}
