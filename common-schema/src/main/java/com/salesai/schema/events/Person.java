package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A named person; either part may be null when the payload lacks it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Person(String name, String email) {
}
