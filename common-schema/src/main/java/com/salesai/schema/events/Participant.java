package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A calendar invitee of the meeting; {@code external} means outside the recorder's organization. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Participant(String name, String email, String emailDomain, boolean external) {
}
