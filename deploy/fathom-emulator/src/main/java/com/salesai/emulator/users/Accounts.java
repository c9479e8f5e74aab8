package com.salesai.emulator.users;

import com.salesai.emulator.EmulatorProperties;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The users of this Fathom and their API keys ({@code emulator.users}, plus {@code emulator.api-keys}). */
@Component
public class Accounts {
    private final Map<String, Person> byKey = new LinkedHashMap<>();
    private final Map<String, Person> byEmail = new LinkedHashMap<>();

    public Accounts(EmulatorProperties properties) {
        for (EmulatorProperties.User user : properties.users()) {
            Person person = byEmail.computeIfAbsent(user.email().toLowerCase(Locale.ROOT),
                    email -> new Person(user.name(), email, user.team()));
            if (byKey.putIfAbsent(user.apiKey(), person) != null) {
                throw new IllegalArgumentException("API key listed twice in emulator.users");
            }
        }
        // Keys from the single-account days keep seeing what they saw then: the first user's meetings.
        Person first = first();
        properties.apiKeys().forEach(key -> byKey.putIfAbsent(key, first));
    }

    public Optional<Person> byKey(String apiKey) {
        return Optional.ofNullable(apiKey == null ? null : byKey.get(apiKey));
    }

    public Optional<Person> byEmail(String email) {
        return Optional.ofNullable(email == null ? null : byEmail.get(email.toLowerCase(Locale.ROOT)));
    }

    /** A user named by email or by one of their keys. */
    public Optional<Person> byEmailOrKey(String emailOrKey) {
        return byEmail(emailOrKey).or(() -> byKey(emailOrKey));
    }

    /** The main user: seeded meetings are mostly theirs, new recordings are by default. */
    public Person first() {
        return byEmail.values().iterator().next();
    }

    /** Another user of the same company, if there is one: the colleague who shares recordings. */
    public Optional<Person> colleagueOf(Person person) {
        return users().stream().filter(u -> !u.sameAs(person) && u.emailDomain().equals(person.emailDomain()))
                .findFirst();
    }

    public List<Person> users() {
        return new ArrayList<>(byEmail.values());
    }
}
