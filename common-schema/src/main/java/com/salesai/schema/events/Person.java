package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A named person; any part may be null when the payload lacks it. {@code team} is Fathom's team name (v2). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Person(String name, String email, String team) {

    /** A person outside any team, or from a payload format that names none. */
    public Person(String name, String email) {
        this(name, email, null);
    }
}
